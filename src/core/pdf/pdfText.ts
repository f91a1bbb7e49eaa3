import { loadPdf } from '../lazyModules';
import { layOutPdf, PdfLayoutResult, PdfPage } from './pdfLayout';

/** The PDF is encrypted: its text is not read (no password is asked for). */
export class PdfEncryptedError extends Error {}

/** What was read of a PDF: its text, its number of pages, and what the layout left out. */
export interface PdfExtraction extends PdfLayoutResult {
  /** The text: paragraphs apart by a blank line, each page after the first starting with a form feed (U+000C), as pdftotext marks pages. */
  readonly text: string;
  readonly pageCount: number;
}

/**
 * The text of a PDF in reading order (pdfLayout.ts), read from its text layer with pdf.js (through
 * unpdf, which runs on Node 20). `onPage` is told of each page read (1-based, and the count) and
 * may return false to stop: the promise then resolves to undefined. A scanned PDF gives empty text:
 * the caller says so.
 * @throws PdfEncryptedError when the PDF is encrypted
 * @throws Error when it is not a PDF pdf.js can read
 */
export async function extractPdfText(data: Uint8Array, onPage: (page: number, pages: number) => boolean | Promise<boolean> = () => true): Promise<PdfExtraction | undefined> {
  const unpdf = loadPdf();
  let pdf;
  try {
    // A plain Uint8Array: pdf.js refuses a Node Buffer, which is what VS Code's file system gives.
    pdf = await unpdf.getDocumentProxy(new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)));
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new PdfEncryptedError(error.message);
    }
    throw error;
  }
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [, , , height] = page.view;
      const [x0, y0, x1] = page.view;
      const content = await page.getTextContent();
      const items = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.length === 0) {
          continue;
        }
        const [a, b, c, d, e, f] = item.transform as number[];
        // Rotated: turned (b ≠ 0; a slant for italics only moves c), or set in a vertical font, which
        // pdf.js gives unrotated, with its writing mode in the font's style.
        const vertical = content.styles[item.fontName]?.vertical === true;
        items.push({ text: item.str, x: e! - x0!, y: f! - y0!, width: item.width, size: Math.hypot(c!, d!) || Math.hypot(a!, b!) || item.height, rotated: vertical || Math.abs(b!) > 1e-3 });
      }
      pages.push({ width: x1! - x0!, height: height! - y0!, items });
      page.cleanup();
      if (!(await onPage(number, pdf.numPages))) {
        return undefined;
      }
    }
    const layout = layOutPdf(pages);
    const text = layout.pages.map((paragraphs, i) => (i > 0 ? '\f' : '') + paragraphs.join('\n\n')).join('\n\n') + '\n';
    return { ...layout, text, pageCount: pdf.numPages };
  } finally {
    await pdf.loadingTask.destroy();
  }
}
