import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { drawLines, drawPdf } from '../support/pdfkit';
import type { BilingualReaderApi } from '../../src/extension';
import { activateExtension, closeAllEditors, EXTENSION_ID, fixturePath } from './helpers';

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

suite('First run (issue 16)', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('Open the Sample Article opens the extension’s own sample in an untitled editor, with its reader panel', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('bilingualReader.openSample');
    assert.strictEqual(document.uri.scheme, 'untitled');
    assert.match(document.getText(), /^雙語閱讀器示範文章/);
    const api = vscode.extensions.getExtension<BilingualReaderApi>(EXTENSION_ID)!.exports;
    assert.ok(api.readerPanelFor(document.uri), 'a reader panel on the sample');
  });

  test('every walkthrough step runs a command the extension has, and shows a picture that ships', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { walkthroughs: { steps: { description: string; media: { svg: string } }[] }[] } };
    const commands = new Set(await vscode.commands.getCommands(true));
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    const steps = manifest.contributes.walkthroughs.flatMap((w) => w.steps);
    assert.strictEqual(steps.length, 6);
    // The manifest may come with its %keys% still in place: their English text is in package.nls.json.
    const nls = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'package.nls.json')))) as Record<string, string>;
    for (const step of steps) {
      const description = /^%(.+)%$/.exec(step.description)?.[1] ?? '';
      const command = /\(command:([\w.]+)\)/.exec(nls[description] ?? step.description)?.[1];
      assert.ok(command && commands.has(command), `${step.description}: ${command}`);
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, step.media.svg));
    }
  });
});
