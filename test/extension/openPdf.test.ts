import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { drawLines, drawPdf } from '../support/pdfkit';
import { activateExtension, closeAllEditors, fixturePath } from './helpers';

/** A one-page PDF in Noto Sans CJK TC (installed by the test setup): two columns, as a newspaper sets them. */
function newspaperPdf(options: Record<string, unknown> = {}): Promise<Buffer> {
  return drawPdf((doc) => {
    drawLines(doc, 60, 100, ['美國收緊晶片', '出口管制。']);
    drawLines(doc, 320, 100, ['中方表示堅決', '反對。']);
  }, options);
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
