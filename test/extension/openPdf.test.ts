import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, fixturePath } from './helpers';

// pdfkit (MIT): the little the test uses of it; it has no type declarations.
interface PdfKitDocument {
  font(path: string, family?: string): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  text(text: string, x: number, y: number, options?: { lineBreak?: boolean }): PdfKitDocument;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  end(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PDFDocument = require('pdfkit') as new (options: Record<string, unknown>) => PdfKitDocument;

/** A one-page PDF in Noto Sans CJK TC (installed by the test setup): two columns, as a newspaper sets them. */
function newspaperPdf(options: Record<string, unknown> = {}): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.font('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKtc-Regular').fontSize(12);
    ['美國收緊晶片', '出口管制。'].forEach((t, i) => doc.text(t, 60, 100 + i * 18, { lineBreak: false }));
    ['中方表示堅決', '反對。'].forEach((t, i) => doc.text(t, 320, 100 + i * 18, { lineBreak: false }));
    doc.end();
  });
}

suite('Open PDF (issue 16)', () => {
  suiteSetup(activateExtension);
  const files: string[] = [];
  teardown(async () => {
    await closeAllEditors();
    files.splice(0).forEach((f) => fs.rmSync(f, { force: true }));
  });

  test('writes <name>.txt beside the PDF, columns in order, and opens it; again, it returns the text as it is; replace extracts again', async () => {
    const pdf = fixturePath(`page-${Date.now()}.pdf`);
    const text = pdf.replace(/\.pdf$/, '.txt');
    files.push(pdf, text);
    fs.writeFileSync(pdf, await newspaperPdf());
    const written = await vscode.commands.executeCommand<vscode.Uri>('bilingualReader.openPdf', { uri: vscode.Uri.file(pdf) });
    assert.strictEqual(written?.fsPath, text);
    assert.strictEqual(fs.readFileSync(text, 'utf8'), '美國收緊晶片出口管制。\n\n中方表示堅決反對。\n');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, text);
    // The user's own edit of the text is not written over unless asked.
    fs.writeFileSync(text, '我的修改。\n');
    await vscode.commands.executeCommand('bilingualReader.openPdf', { uri: vscode.Uri.file(pdf) });
    assert.strictEqual(fs.readFileSync(text, 'utf8'), '我的修改。\n');
    await vscode.commands.executeCommand('bilingualReader.openPdf', { uri: vscode.Uri.file(pdf), replace: true });
    assert.strictEqual(fs.readFileSync(text, 'utf8'), '美國收緊晶片出口管制。\n\n中方表示堅決反對。\n');
  });

  test('an encrypted PDF and a file that is no PDF write nothing', async () => {
    const encrypted = fixturePath(`secret-${Date.now()}.pdf`);
    const broken = fixturePath(`broken-${Date.now()}.pdf`);
    files.push(encrypted, broken, encrypted.replace(/\.pdf$/, '.txt'), broken.replace(/\.pdf$/, '.txt'));
    fs.writeFileSync(encrypted, await newspaperPdf({ userPassword: 'secret', ownerPassword: 'owner' }));
    fs.writeFileSync(broken, 'not a PDF');
    assert.strictEqual(await vscode.commands.executeCommand('bilingualReader.openPdf', { uri: vscode.Uri.file(encrypted) }), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('bilingualReader.openPdf', { uri: vscode.Uri.file(broken) }), undefined);
    assert.ok(!fs.existsSync(encrypted.replace(/\.pdf$/, '.txt')) && !fs.existsSync(broken.replace(/\.pdf$/, '.txt')));
  });
});
