import { extractPdfText } from '../src/core/pdf/pdfText';
import { drawLines, drawPdf } from '../test/support/pdfkit';
import { nowMs, summarize } from './stats';

/**
 * Issue 16's figure: a 100-page report (two columns of 38 lines a page, a running header and page
 * numbers, drawn with pdfkit in Noto Sans CJK) read into text: the whole, and the longest time
 * between two pages — how long the extension host is busy at a stretch (pdf.js runs in it).
 */
export async function pdfFigures(article: string): Promise<{ total: ReturnType<typeof summarize>; longestPage: ReturnType<typeof summarize>; characters: number }> {
  const text = article.replace(/\s+/g, '');
  const line = (n: number) => text.slice((n * 13) % (text.length - 13), ((n * 13) % (text.length - 13)) + 13);
  const data = new Uint8Array(
    await drawPdf((doc) => {
      for (let page = 0; page < 100; page++) {
        if (page > 0) {
          doc.addPage();
        }
        doc.fontSize(9).text('香港文匯報　研究報告', 60, 20, { lineBreak: false }).text(String(page + 1), 290, 815, { lineBreak: false }).fontSize(12);
        drawLines(doc, 60, 60, Array.from({ length: 38 }, (_, i) => line(page * 76 + i)));
        drawLines(doc, 320, 60, Array.from({ length: 38 }, (_, i) => line(page * 76 + 38 + i)));
      }
    }),
  );
  const totals: number[] = [];
  const longest: number[] = [];
  let characters = 0;
  for (let run = 0; run < 3; run++) {
    const start = nowMs();
    let last = start;
    let worst = 0;
    const result = await extractPdfText(data, () => {
      const now = nowMs();
      worst = Math.max(worst, now - last);
      last = now;
      return true;
    });
    totals.push(nowMs() - start);
    longest.push(worst);
    characters = result?.text.length ?? 0;
  }
  return { total: summarize(totals), longestPage: summarize(longest), characters };
}
