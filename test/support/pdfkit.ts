// pdfkit (MIT) draws the PDFs the PDF tests read; it has no type declarations of its own: the little
// the tests use of it.
export interface PdfKitDocument {
  font(path: string, family?: string): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  text(text: string, x: number, y: number, options?: { lineBreak?: boolean }): PdfKitDocument;
  addPage(): PdfKitDocument;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  end(): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const PDFDocument = require('pdfkit') as new (options: Record<string, unknown>) => PdfKitDocument;

/** The Noto CJK collection the test setup installs (fonts-noto-cjk), and its Traditional Chinese face. */
export const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const NOTO_CJK_TC = 'NotoSansCJKtc-Regular';

/**
 * A PDF drawn by `draw` on A4 pages (595 × 842 points, no margins), in Noto Sans CJK TC at 12 points.
 * `options` go to pdfkit (a `userPassword` encrypts it).
 */
export function drawPdf(draw: (doc: PdfKitDocument) => void, options: Record<string, unknown> = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font(NOTO_CJK, NOTO_CJK_TC).fontSize(12);
    draw(doc);
    doc.end();
  });
}

/** Lines drawn one under another from (x, y), 18 points apart. */
export function drawLines(doc: PdfKitDocument, x: number, y: number, texts: readonly string[]): void {
  texts.forEach((text, i) => doc.text(text, x, y + i * 18, { lineBreak: false }));
}
