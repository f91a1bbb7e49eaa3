import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { TermCount } from '../../src/commands/listTermsCommand';
import { activateExtension, articleUri, closeAllEditors, fixturePath, setSetting, workspaceFolder } from './helpers';

/** The text of every hover VS Code would show at a position, Markdown escapes undone. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

function positionOf(document: vscode.TextDocument, needle: string, skip = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in the document`);
  return document.positionAt(offset + skip);
}

suite('Glossary hovers and commands', () => {
  suiteSetup(activateExtension);
  teardown(async () => {
    await closeAllEditors();
    await setSetting('glossaries', undefined);
    fs.rmSync(fixturePath('.bilingual-reader'), { recursive: true, force: true });
  });

  test('出口管制 in the reference article hovers with "export controls"', async () => {
    const document = await vscode.workspace.openTextDocument(articleUri());
    const text = await hoverText(document.uri, positionOf(document, '出口管制措施'));
    assert.match(text, /export controls?/i);
    assert.match(text, /chūkǒu guǎnzhì/);
  });

  test('實體清單, split by a blank line, hovers from either half as the US Entity List', async () => {
    const document = await vscode.workspace.openTextDocument(articleUri());
    const first = await hoverText(document.uri, positionOf(document, '實體\n\n清單'));
    const second = await hoverText(document.uri, positionOf(document, '實體\n\n清單', 5));
    // The English line of the card, not the note (which names the other list to tell them apart).
    assert.match(first, /\n\nEntity List\n/);
    assert.strictEqual(second, first);
  });

  test('不可靠實體清單 is the Unreliable Entity List, and the Simplified form hovers too', async () => {
    const document = await vscode.workspace.openTextDocument(articleUri());
    assert.match(await hoverText(document.uri, positionOf(document, '不可靠實體清單', 4)), /\n\nUnreliable Entity List\n/);
    const simplified = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '中国不可靠实体清单和美国实体清单' });
    assert.match(await hoverText(simplified.uri, new vscode.Position(0, 4)), /\n\nUnreliable Entity List\n/);
    assert.match(await hoverText(simplified.uri, new vscode.Position(0, 12)), /\n\nEntity List\n/);
  });

  test('other words get pinyin and meanings from CC-CEDICT', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '我去銀行' });
    const text = await hoverText(document.uri, new vscode.Position(0, 2));
    assert.match(text, /yín háng/);
    assert.match(text, /bank/);
    assert.match(text, /CC-CEDICT/);
  });

  test('overlapping terms: CC-CEDICT’s words decide, whoever loaded it (對華為的封鎖 is Huawei’s)', async () => {
    // A dictionary hover loads CC-CEDICT; the term matcher then uses it for overlaps.
    const words = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '我去銀行' });
    assert.match(await hoverText(words.uri, new vscode.Position(0, 2)), /CC-CEDICT/);
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '美國對華為的封鎖，以及對華政策' });
    assert.match(await hoverText(document.uri, positionOf(document, '為')), /\n\nHuawei/);
    assert.match(await hoverText(document.uri, positionOf(document, '對華政策')), /toward China/);
  });

  test('a workspace glossary in each format overrides the built-in entry; a broken one does not stop the others', async () => {
    const folder = fixturePath('.bilingual-reader');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(fixturePath('.bilingual-reader', 'glossary.json'), '{ "entries": [ { "term": "出口管制", "english": "export control regime (workspace)" } ] }');
    fs.writeFileSync(fixturePath('user-terms.txt'), '昇騰\tAscend (from TSV)\n');
    fs.writeFileSync(fixturePath('user-terms.tbx'), '<martif><text><body><termEntry><langSet xml:lang="zh-Hant"><tig><term>鴻蒙</term></tig></langSet><langSet xml:lang="en"><tig><term>HarmonyOS (from TBX)</term></tig></langSet></termEntry></body></text></martif>');
    fs.writeFileSync(fixturePath('broken.json'), '{ "entries": [ ');
    await setSetting('glossaries', ['user-terms.txt', 'user-terms.tbx', 'broken.json']);
    const document = await vscode.workspace.openTextDocument(articleUri());
    assert.match(await hoverText(document.uri, positionOf(document, '出口管制措施')), /export control regime \(workspace\)/);
    assert.match(await hoverText(document.uri, positionOf(document, '昇騰')), /Ascend \(from TSV\)/);
    assert.match(await hoverText(document.uri, positionOf(document, '鴻蒙')), /HarmonyOS \(from TBX\)/);
    fs.rmSync(fixturePath('user-terms.txt'));
    fs.rmSync(fixturePath('user-terms.tbx'));
    fs.rmSync(fixturePath('broken.json'));
  });

  test('a glossary over the size limit or with entity declarations is refused; the others and the built-in one still work (issue 13)', async () => {
    fs.writeFileSync(fixturePath('huge-terms.tsv'), '出口管制\texport controls (huge file)\n'.repeat(700_000));
    fs.writeFileSync(fixturePath('laughs.tbx'), `<!DOCTYPE martif [<!ENTITY lol "${'哈'.repeat(20000)}">]><martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&lol;</term></tig></langSet></termEntry></body></text></martif>`);
    fs.writeFileSync(fixturePath('small-terms.tsv'), '鴻蒙\tHarmonyOS (small file)\n');
    try {
      await setSetting('glossaries', ['huge-terms.tsv', 'laughs.tbx', 'small-terms.tsv']);
      const document = await vscode.workspace.openTextDocument(articleUri());
      assert.match(await hoverText(document.uri, positionOf(document, '鴻蒙')), /HarmonyOS \(small file\)/);
      const controls = await hoverText(document.uri, positionOf(document, '出口管制措施'));
      assert.match(controls, /export controls?/i, 'the built-in glossary still answers');
      assert.doesNotMatch(controls, /huge file/, 'the oversized file was not read');
    } finally {
      for (const name of ['huge-terms.tsv', 'laughs.tbx', 'small-terms.tsv']) {
        fs.rmSync(fixturePath(name), { force: true });
      }
    }
  });

  test('Add to Glossary writes the workspace glossary, with both scripts and pinyin, and the hover uses it', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(articleUri()));
    const start = positionOf(editor.document, '黃仁勳');
    editor.selection = new vscode.Selection(start, start.translate(0, 3));
    const written = await vscode.commands.executeCommand<vscode.Uri>('bilingualReader.addToGlossary', { english: 'Jensen Huang (test)', note: 'Nvidia founder' });
    assert.ok(written);
    const saved = JSON.parse(fs.readFileSync(written.fsPath, 'utf8')) as { entries: { term: string; simplified: string; pinyin: string }[] };
    assert.deepStrictEqual([saved.entries[0]!.term, saved.entries[0]!.simplified], ['黃仁勳', '黄仁勋']);
    assert.match(saved.entries[0]!.pinyin, /huáng rén xūn/i);
    assert.match(await hoverText(editor.document.uri, start), /Jensen Huang \(test\)/);
  });

  test('List Glossary Terms counts the terms of the document', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(articleUri()));
    const counts = await vscode.commands.executeCommand<TermCount[]>('bilingualReader.listTerms');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const chips = counts?.find((c) => c.term === '芯片');
    // Longer terms take some of the article's 芯片 (AI芯片, 先進計算芯片, 芯片霸凌): 38 are bare.
    assert.ok(chips && chips.count >= 30, `芯片 × ${chips?.count}`);
    assert.ok(counts!.some((c) => c.term === 'AI芯片' && c.count >= 5));
    assert.ok(counts!.some((c) => c.term === '實體清單' && c.count === 1));
  });

  test('Export Glossary Terms writes CSV and TBX', async () => {
    for (const format of ['csv', 'tbx']) {
      const target = vscode.Uri.joinPath(workspaceFolder().uri, `terms.${format}`);
      const written = await vscode.commands.executeCommand<vscode.Uri>('bilingualReader.exportTerms', { uri: articleUri().toString(), format, target });
      assert.strictEqual(written?.toString(), target.toString());
      const content = fs.readFileSync(target.fsPath, 'utf8');
      assert.match(content, format === 'csv' ? /實體清單,實體清單,实体清单/ : /<term>Entity List<\/term>/);
      fs.rmSync(target.fsPath);
    }
  });
});
