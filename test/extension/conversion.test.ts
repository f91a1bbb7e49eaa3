import * as assert from 'assert';
import { hk2cnAsTheExtension } from '../support/expectedConversion';
import * as vscode from 'vscode';
import type { ConversionOutcome } from '../../src/conversion/editorConversion';
import { activateExtension, articleText, closeAllEditors, editorWith, setSetting } from './helpers';

const hk2cn = hk2cnAsTheExtension();

suite('Conversion commands', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('Convert to Simplified on the reference article equals opencc-js hk → cn with the glossary’s forms', async () => {
    const original = articleText();
    const editor = await editorWith(original);
    const outcome = await vscode.commands.executeCommand<ConversionOutcome>('bilingualReader.toSimplified');
    assert.strictEqual(editor.document.getText(), hk2cn(original));
    // The built-in glossary spells Huawei's chip 昇腾; plain OpenCC writes 升腾.
    assert.ok(editor.document.getText().includes('昇腾') && !editor.document.getText().includes('升腾'));
    assert.ok(outcome && outcome.replacements > 100, `expected many replacements, got ${outcome?.replacements}`);
    assert.ok(editor.document.getText().includes('英伟达公司总裁'));
  });

  test('one undo restores the original after a whole-document conversion', async () => {
    const original = articleText();
    const editor = await editorWith(original);
    await vscode.commands.executeCommand('bilingualReader.toSimplified');
    assert.notStrictEqual(editor.document.getText(), original);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  test('replaces only the characters that change', async () => {
    const editor = await editorWith('英偉達 Nvidia 黃仁勳\n第二行 line two 不變\n');
    const changes: vscode.TextDocumentContentChangeEvent[] = [];
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === editor.document) {
        changes.push(...e.contentChanges);
      }
    });
    await vscode.commands.executeCommand('bilingualReader.toSimplified');
    listener.dispose();
    assert.strictEqual(editor.document.getText(), '英伟达 Nvidia 黄仁勋\n第二行 line two 不变\n');
    // 偉達 is one run of changed characters; 黃, 勳 and 變 stand alone.
    assert.deepStrictEqual(changes.map((c) => c.text).sort(), ['伟达', '勋', '变', '黄'].sort());
    assert.ok(changes.every((c) => c.rangeLength === c.text.length), 'each replacement covers only changed characters');
  });

  test('converts every selection of a multi-cursor and nothing else', async () => {
    const editor = await editorWith('漢語 漢語 漢語\n體育 體育 體育');
    editor.selections = [
      new vscode.Selection(0, 0, 0, 2),
      new vscode.Selection(1, 6, 1, 8),
    ];
    await vscode.commands.executeCommand('bilingualReader.convert', { from: 't', to: 'cn' });
    assert.strictEqual(editor.document.getText(), '汉语 漢語 漢語\n體育 體育 体育');
  });

  test('arguments { from, to } pick an exact direction; Taiwan phrases convert vocabulary', async () => {
    const editor = await editorWith('鼠标和软件');
    await vscode.commands.executeCommand('bilingualReader.convert', { from: 'cn', to: 'twp' });
    assert.strictEqual(editor.document.getText(), '滑鼠和軟體');
  });

  test('bilingualReader.convert segments Simplified text into words unless segmentation is off; a word split by a line break converts whole either way', async () => {
    const text = '这项技术被发明后在华发展。\n他剪了头\n发。';
    let editor = await editorWith(text);
    await vscode.commands.executeCommand('bilingualReader.convert', { from: 'cn', to: 'hk' });
    assert.strictEqual(editor.document.getText(), '這項技術被發明後在華發展。\n他剪了頭\n髮。');
    await closeAllEditors();
    try {
      await setSetting('conversion.segmentation', 'none');
      editor = await editorWith(text);
      await vscode.commands.executeCommand('bilingualReader.convert', { from: 'cn', to: 'hk' });
      assert.strictEqual(editor.document.getText(), '這項技術被髮明後在華髮展。\n他剪了頭\n髮。');
    } finally {
      await setSetting('conversion.segmentation', undefined);
    }
  });

  test('named Traditional commands give generic, Hong Kong and Taiwan forms', async () => {
    const cases: [string, string][] = [
      ['bilingualReader.toTraditional', '爲了裏面的着裝說明'],
      ['bilingualReader.toTraditionalHK', '為了裏面的着裝説明'],
      ['bilingualReader.toTraditionalTW', '為了裡面的著裝說明'],
    ];
    for (const [command, expected] of cases) {
      const editor = await editorWith('为了里面的着装说明');
      await vscode.commands.executeCommand(command);
      assert.strictEqual(editor.document.getText(), expected, command);
      await closeAllEditors();
    }
  });

  test('characters outside the BMP survive intact', async () => {
    const editor = await editorWith('𠮷野家的漢字𩸽和𪚥，還有😀');
    await vscode.commands.executeCommand('bilingualReader.toSimplified');
    assert.strictEqual(editor.document.getText(), '𠮷野家的汉字𩸽和𪚥，还有😀');
  });

  test('malformed arguments change nothing', async () => {
    const editor = await editorWith('漢語');
    const outcome = await vscode.commands.executeCommand('bilingualReader.convert', { from: 'xx', to: 'cn' });
    assert.strictEqual(outcome, undefined);
    assert.strictEqual(editor.document.getText(), '漢語');
  });

  test('Convert into New Editor opens the converted text beside, the original untouched', async () => {
    const editor = await editorWith('香港特別行政區政府');
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('bilingualReader.convertToNewEditor', {
      from: 'hk',
      to: 'cn',
    });
    assert.ok(document);
    assert.strictEqual(document.getText(), '香港特别行政区政府');
    assert.strictEqual(document.isUntitled, true);
    assert.strictEqual(editor.document.getText(), '香港特別行政區政府');
  });

  test('Copy Converted Text returns the selections converted, joined by line breaks', async () => {
    const editor = await editorWith('實體清單 和 出口管制');
    editor.selections = [new vscode.Selection(0, 0, 0, 4), new vscode.Selection(0, 7, 0, 11)];
    const copied = await vscode.commands.executeCommand<string>('bilingualReader.copyConverted', { from: 'hk', to: 'cn' });
    assert.strictEqual(copied, '实体清单\n出口管制');
    assert.strictEqual(await vscode.env.clipboard.readText(), copied, 'the clipboard holds it');
    assert.strictEqual(editor.document.getText(), '實體清單 和 出口管制');
  });

  test('a Taiwan-phrases conversion of Hong Kong text warns once', async () => {
    const text = articleText();
    const first = await editorWith(text);
    const warned = await vscode.commands.executeCommand<ConversionOutcome>('bilingualReader.convert', { from: 'twp', to: 'cn' });
    assert.deepStrictEqual(warned?.warnings, ['hong-kong-text-taiwan-phrases']);
    assert.ok(first.document.getText().includes('首席运行官'), 'tw2sp really does rewrite 執行官');
    await vscode.commands.executeCommand('undo');
    const again = await vscode.commands.executeCommand<ConversionOutcome>('bilingualReader.convert', { from: 'twp', to: 'cn' });
    assert.deepStrictEqual(again?.warnings, []);
  });

  test('a Taiwan-phrases conversion of Taiwan text does not warn', async () => {
    await editorWith('這個軟體的記憶體不足，請聯絡執行長。');
    const outcome = await vscode.commands.executeCommand<ConversionOutcome>('bilingualReader.convert', { from: 'twp', to: 'cn' });
    assert.deepStrictEqual(outcome?.warnings, []);
    assert.strictEqual(vscode.window.activeTextEditor?.document.getText(), '这个软件的内存不足，请联系首席执行官。');
  });
});
