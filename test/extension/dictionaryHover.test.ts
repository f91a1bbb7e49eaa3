import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, articleUri, closeAllEditors } from './helpers';

/** Every hover VS Code would show at a position: its range and its text, Markdown escapes undone. */
async function hoverAt(document: vscode.TextDocument, needle: string, skip = 0): Promise<{ text: string; range: vscode.Range | undefined }> {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in ${JSON.stringify(document.getText())}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + skip));
  const text = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
  return { text, range: hovers[0]?.range };
}

suite('CC-CEDICT hovers', () => {
  // One untitled document for the suite: a fresh untitled document may get a closed one's name, and now
  // and then its text.
  let document: vscode.TextDocument;
  suiteSetup(async () => {
    await activateExtension();
    document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '這種做法無可厚非。\n盒子裏面有兩本書。\n衣服還沒乾\n' });
  });
  suiteTeardown(closeAllEditors);

  test('無可厚非 ("see 未可厚非") shows the meaning of 未可厚非', async () => {
    const { text } = await hoverAt(document, '無可厚非');
    assert.match(text, /see 未可厚非/);
    assert.match(text, /→ \*\*未可厚非\*\* \*wèi kě hòu fēi\*: not to be censured too strictly \(idiom\); not altogether inexcusable; understandable/);
  });

  test('裏面, the Hong Kong form, shows the meaning of 裡面', async () => {
    const { text } = await hoverAt(document, '裏面');
    assert.match(text, /variant of 裡面\|里面/);
    assert.match(text, /→ \*\*裡面\*\* \*lǐ miàn\*: inside; interior/);
  });

  test('乾 in 衣服還沒乾 shows "dry" among the first entries, and the rest on a "+N more" line', async () => {
    const { text } = await hoverAt(document, '乾');
    const cards = text.split(/\n\n---\n\n/);
    assert.ok(cards.slice(0, 2).some((card) => /\*gān\*\n\ndry; dried food/.test(card)), text);
    assert.strictEqual(cards.length, 5, text);
    assert.match(cards[4]!, /^\*\*\+2 more:\*\* \*qián\* old variant of 乾\[qian2\] · \*qián\* variant of 乾\[qian2\]$/);
    assert.doesNotMatch(text, /<|command:/);
  });

  test('乾 read in its sentence (gān) leads the card: the card and the ruby agree', async () => {
    const { text } = await hoverAt(document, '乾');
    assert.match(text.split(/\n\n---\n\n/)[0]!, /\*gān\*\n\ndry; dried food/, text);
  });

  test('with Jyutping or Zhuyin chosen, the card gives the reading in that system', async () => {
    const config = vscode.workspace.getConfiguration('bilingualReader');
    try {
      await config.update('readings', 'jyutping', vscode.ConfigurationTarget.Global);
      assert.match((await hoverAt(document, '盒子')).text, /^\*Jyutping: hap6 zi2\*/);
      await config.update('readings', 'zhuyin', vscode.ConfigurationTarget.Global);
      assert.match((await hoverAt(document, '盒子')).text, /^\*Zhuyin: ㄏㄜˊ ˙ㄗ\*/);
    } finally {
      await config.update('readings', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('the reading of the word in its sentence decides which entry leads: 干 in 不想干了 is gàn "to do"', async () => {
    const simplified = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '这份工作太累了，我不想干了。' });
    const { text } = await hoverAt(simplified, '干');
    assert.match(text.split(/\n\n---\n\n/)[0]!, /\*gàn\*/, text);
  });

  test('a glossary term in Zhuyin reads as its glossary pinyin says, as the reader’s card does (華為 ㄏㄨㄚˊ ㄨㄟˊ)', async () => {
    const config = vscode.workspace.getConfiguration('bilingualReader');
    try {
      await config.update('readings', 'zhuyin', vscode.ConfigurationTarget.Global);
      const article = await vscode.workspace.openTextDocument(articleUri());
      const { text } = await hoverAt(article, '華為');
      assert.match(text, /^\*Zhuyin: ㄏㄨㄚˊ ㄨㄟˊ\*/, text);
      assert.match(text, /Huawei/);
    } finally {
      await config.update('readings', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('the word is the longest dictionary word starting at the cursor', async () => {
    const whole = await hoverAt(document, '無可厚非');
    assert.strictEqual(document.getText(whole.range), '無可厚非');
    const inside = await hoverAt(document, '無可厚非', 1);
    assert.deepStrictEqual(inside.range?.start, document.positionAt(document.getText().indexOf('可厚非')));
    assert.doesNotMatch(inside.text, /未可厚非/);
  });
});
