import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { extractPdfText, PdfEncryptedError } from '../../src/core/pdf/pdfText';
import { layOutPdf } from '../../src/core/pdf/pdfLayout';
import { drawLines, drawPdf, PdfKitDocument } from '../support/pdfkit';

/** A PDF drawn by `draw` (A4, Noto Sans CJK TC at 12 points), as bytes. */
const pdf = async (draw: (doc: PdfKitDocument) => void, options: Record<string, unknown> = {}) => new Uint8Array(await drawPdf(draw, options));
const lines = drawLines;

/** Share of the expected text's characters found in order in the extracted one (longest common subsequence). */
function accuracy(expected: string, actual: string): number {
  const a = [...expected.replace(/\s/g, '')];
  const b = [...actual.replace(/\s/g, '')];
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const ch of a) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) {
      row[j] = ch === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    }
    previous = row;
  }
  return previous[b.length]! / Math.max(a.length, b.length);
}

suite('PDF text in reading order (issue 16)', function () {
  this.timeout(30_000);

  test('two columns under a headline that spans them: the headline whole, then the left column, then the right', async () => {
    const data = await pdf((doc) => {
      doc.fontSize(18).text('美國收緊晶片出口管制　中方：堅決反對', 60, 60, { lineBreak: false }).fontSize(12);
      lines(doc, 60, 110, ['香港文匯報訊 美國商務部', '近日發布新規，企圖在全', '球禁用中國先進計算芯片。']);
      lines(doc, 320, 110, ['商務部發言人表示，美方', '措施是典型的單邊霸凌，', '嚴重損害產業鏈穩定。']);
    });
    const result = (await extractPdfText(data))!;
    // The ideographic space of the headline comes back as a space: pdf.js gives it as a blank run, and the gap is what is read.
    const expected = '美國收緊晶片出口管制 中方：堅決反對\n\n香港文匯報訊 美國商務部近日發布新規，企圖在全球禁用中國先進計算芯片。\n\n商務部發言人表示，美方措施是典型的單邊霸凌，嚴重損害產業鏈穩定。\n';
    assert.strictEqual(result.text, expected);
    assert.strictEqual(accuracy(expected, result.text), 1);
  });

  test('a caption drawn twice for bold is kept once; a Latin word hyphenated at a line end is joined; Latin words keep their space', async () => {
    const data = await pdf((doc) => {
      doc.text('●2024年中國芯片出口首超萬億元', 60, 60, { lineBreak: false });
      doc.text('●2024年中國芯片出口首超萬億元', 60.4, 60.2, { lineBreak: false });
      lines(doc, 60, 110, ['黃仁勳還大讚Deep-', 'Seek是一款非常棒的產品，', 'the export control', 'rules are a failure.']);
    });
    const result = (await extractPdfText(data))!;
    assert.strictEqual(result.text, '●2024年中國芯片出口首超萬億元\n\n黃仁勳還大讚DeepSeek是一款非常棒的產品，the export control rules are a failure.\n');
    assert.strictEqual(result.doubled, 1);
  });

  test('three pages with a running header and page numbers: those are left out, each page starts with a form feed', async () => {
    const data = await pdf((doc) => {
      ['第一頁的正文內容。', '第二頁的正文內容。', '第三頁的正文內容。'].forEach((body, i) => {
        if (i > 0) {
          doc.addPage();
        }
        doc.fontSize(9).text('香港文匯報　國際新聞', 60, 20, { lineBreak: false }).text(String(i + 1), 290, 815, { lineBreak: false }).fontSize(12);
        lines(doc, 60, 100, [body]);
      });
    });
    const result = (await extractPdfText(data))!;
    assert.strictEqual(result.text, '第一頁的正文內容。\n\n\f第二頁的正文內容。\n\n\f第三頁的正文內容。\n');
    assert.deepStrictEqual([result.pageCount, result.furniture], [3, 6]);
  });

  test('indented lines start paragraphs within a column; letter-spaced Han text loses its spaces', () => {
    const item = (text: string, x: number, y: number) => ({ text, x, y, width: text.length * 12, size: 12 });
    const result = layOutPdf([{ width: 595, height: 842, items: [item('第 一 段 開 始', 84, 700), item('接着。', 60, 682), item('第二段 開始', 84, 664), item('接着。', 60, 646)] }]);
    // Letter-spaced, its spaces go; one space between words stays (the text's own, as a dateline's).
    assert.deepStrictEqual(result.pages, [['第一段開始接着。', '第二段 開始接着。']]);
  });

  test('a page of rotated runs is reported as vertical text, not guessed at; an encrypted or broken file is refused', async () => {
    const rotated = layOutPdf([{ width: 595, height: 842, items: [{ text: '直排', x: 100, y: 700, width: 24, size: 12, rotated: true }] }]);
    assert.deepStrictEqual([rotated.verticalPages, rotated.pages], [[1], [[]]]);
    const encrypted = await pdf((doc) => lines(doc, 60, 100, ['機密文件。']), { userPassword: 'secret', ownerPassword: 'owner' });
    await assert.rejects(extractPdfText(encrypted), PdfEncryptedError);
    await assert.rejects(extractPdfText(new TextEncoder().encode('not a PDF')));
  });

  test('a PDF without a text layer (a scan) gives no text', async () => {
    const data = await pdf(() => undefined);
    assert.strictEqual((await extractPdfText(data))!.text.trim(), '');
  });

  test('a newspaper’s narrow gutter (12 points at 9-point type) still parts the columns; a column running on into the next continues its paragraph', () => {
    const item = (text: string, x: number, y: number) => ({ text, x, y, width: text.length * 9, size: 9 });
    const left = ['美國商務部近日發布新', '規，企圖在全球禁用中', '國先進計算芯片，包括'];
    const right = ['特定的華為昇騰芯片。', '中方表示堅決反對。'];
    const items = [...left.map((t, i) => item(t, 60, 700 - i * 13)), ...right.map((t, i) => item(t, 60 + 90 + 12, 700 - i * 13))];
    assert.deepStrictEqual(layOutPdf([{ width: 595, height: 842, items }]).pages, [['美國商務部近日發布新規，企圖在全球禁用中國先進計算芯片，包括特定的華為昇騰芯片。中方表示堅決反對。']]);
  });

  test('lines at one-and-a-half spacing stay one paragraph; English keeps its spaces; a hyphenated name written so elsewhere keeps its hyphen', () => {
    const item = (text: string, x: number, y: number) => ({ text, x, y, width: text.length * 6, size: 12 });
    const lines = ['The Asia-Pacific economies and the Asia-', 'Pacific rim,', 'said the report. It', 'added: DeepSeek and Deep-', 'Seek alike.'];
    const result = layOutPdf([{ width: 595, height: 842, items: lines.map((t, i) => item(t, 60, 700 - i * 24)) }]);
    assert.deepStrictEqual(result.pages, [['The Asia-Pacific economies and the Asia-Pacific rim, said the report. It added: DeepSeek and DeepSeek alike.']]);
  });

  test('public texts it was not tuned on (the eight reviewed reflow fixtures) set as newspaper pages come back character for character', async () => {
    const dir = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reflow');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.blocks.json'))) {
      const { blocks } = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { blocks: { kind: string; text: string }[] };
      const headline = blocks[0]!.kind === 'headline' ? blocks[0]!.text : undefined;
      // Paragraphs of 9-point type, 14 characters a line, indented two characters, down a 53-line left
      // column and on into the right one across a 12-point gutter; the headline at 16 points above both.
      const lines: { text: string; indent: boolean }[] = [];
      const used: string[] = [];
      for (const block of blocks.slice(headline ? 1 : 0)) {
        const wrapped = wrap(block.text.replace(/\s+/g, ' ').trim(), 14);
        if (lines.length + wrapped.length > 106) {
          break;
        }
        used.push(block.text);
        wrapped.forEach((text, i) => lines.push({ text, indent: i === 0 }));
      }
      const data = await pdf((doc) => {
        if (headline) {
          doc.fontSize(16).text(headline.slice(0, 16), 60, 60, { lineBreak: false }).fontSize(9);
        }
        doc.fontSize(9);
        lines.forEach((line, i) => doc.text(line.text, (i < 53 ? 60 : 60 + 126 + 12) + (line.indent ? 18 : 0), 100 + (i % 53) * 13, { lineBreak: false }));
      });
      const result = (await extractPdfText(data))!;
      const expected = [...(headline ? [headline.slice(0, 16)] : []), ...used].join('');
      assert.strictEqual(accuracy(expected, result.text), 1, `${file}: ${result.text}`);
    }
  });
});

/**
 * `text` in lines of `width` characters, never cutting a run of Latin letters, digits or their
 * punctuation (a typesetter hyphenates or moves a word, never splits it bare).
 */
function wrap(text: string, width: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = Math.min(chars.length, start + width);
    const latin = (c: string | undefined) => c !== undefined && /[A-Za-z0-9.,%-]/.test(c);
    while (end < chars.length && end > start + 1 && latin(chars[end - 1]) && latin(chars[end])) {
      end--;
    }
    if (end === start + 1 && latin(chars[start])) {
      end = Math.min(chars.length, start + width);
    }
    lines.push(chars.slice(start, end).join('').trim());
    start = end;
  }
  return lines.filter((l) => l.length > 0);
}
