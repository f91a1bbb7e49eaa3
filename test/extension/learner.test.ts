import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ReadingLevel } from '../../src/core/learning/readingLevel';
import type { BilingualReaderApi } from '../../src/extension';
import { activateExtension, closeAllEditors, EXTENSION_ID, fixturePath } from './helpers';

const setStatus = (word: string, status: string) => vscode.commands.executeCommand<{ word: string; key: string; status: string } | undefined>('bilingualReader.setWordStatus', { word, status });
const level = (uri: vscode.Uri) => vscode.commands.executeCommand<ReadingLevel | undefined>('bilingualReader.readingLevel', { uri });

suite('Learner: word statuses, reading level, vocabulary (issue 15)', () => {
  suiteSetup(async () => {
    await activateExtension();
    // Statuses are the user's, kept between runs of this profile: the suite starts from none. The file
    // is read again inside each change, so one mark brings the store's words in line with it.
    const api = vscode.extensions.getExtension<BilingualReaderApi>(EXTENSION_ID)!.exports;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(api.wordStatusesFile, '..'));
    fs.writeFileSync(api.wordStatusesFile.fsPath, '{ "version": 1, "words": {} }\n');
    assert.ok(await setStatus('測試', 'ignored'));
  });
  let article: string;
  let uri: vscode.Uri;
  const files: string[] = [];
  setup(() => {
    // Words no other test marks (statuses are the user's, across tests as across workspaces).
    article = fixturePath(`learner-${Date.now()}.txt`);
    fs.writeFileSync(article, '蝴蝶飛過琵琶湖。蝴蝶停在琵琶上。\n\n鸚鵡會說話，鸚鵡很聰明。\n');
    uri = vscode.Uri.file(article);
    files.push(article);
  });
  teardown(async () => {
    await closeAllEditors();
    files.splice(0).forEach((f) => fs.rmSync(f, { force: true }));
  });

  test('a status set on a word in one script covers it in the other; the reading level counts it', async () => {
    const before = (await level(uri))!;
    // 蝴蝶/飛過/琵琶/湖/蝴蝶/停/在/琵琶/上 and 鸚鵡/會/說話/鸚鵡/很/聰明.
    assert.deepStrictEqual([before.runningWords, before.learningWords], [15, 0]);
    assert.deepStrictEqual(await setStatus('蝴蝶', 'learning2'), { word: '蝴蝶', key: '蝴蝶', status: 'learning2' });
    // Set in Simplified, for the Traditional text: 鹦鹉 is 鸚鵡.
    assert.deepStrictEqual((await setStatus('鹦鹉', 'known'))?.key, '鹦鹉');
    const after = (await level(uri))!;
    assert.deepStrictEqual([after.learningWords, after.knownWords, after.newWords], [1, 2, before.distinctWords - 2]);
  });

  test('bad arguments are refused; Mark Page as Known marks every new word, leaving words being learned', async () => {
    assert.strictEqual(await setStatus('蝴蝶', 'mastered'), undefined);
    assert.strictEqual(await setStatus('', 'known'), undefined);
    await setStatus('琵琶', 'learning1');
    const marked = await vscode.commands.executeCommand<{ marked: number }>('bilingualReader.markPageKnown', { uri });
    assert.ok(marked.marked > 0);
    const after = (await level(uri))!;
    assert.deepStrictEqual([after.newWords, after.learningWords >= 1], [0, true]);
  });

  test('vocabulary export: TSV of the words being learned with reading, meaning and sentence; never the same word twice', async () => {
    await setStatus('蝴蝶', 'learning2');
    await setStatus('飛過', 'learning3');
    const target = fixturePath(`vocabulary-${Date.now()}.tsv`);
    files.push(target);
    const first = await vscode.commands.executeCommand<{ exported: number; skipped: number }>('bilingualReader.exportVocabulary', { uri, format: 'tsv', target });
    const lines = fs.readFileSync(target, 'utf8').trim().split('\n');
    assert.strictEqual(first.exported, lines.length);
    const butterfly = lines.map((l) => l.split('\t')).find((cells) => cells[0] === '蝴蝶');
    assert.ok(butterfly, lines.join('\n'));
    assert.deepStrictEqual([butterfly[1], butterfly[2], butterfly[4]], ['', 'hú dié', '蝴蝶飛過琵琶湖。']);
    assert.match(butterfly[3]!, /butterfly/);
    const again = await vscode.commands.executeCommand<{ exported: number; skipped: number }>('bilingualReader.exportVocabulary', { uri, format: 'tsv', target });
    assert.deepStrictEqual([again.exported, again.skipped], [0, first.exported]);
  });

  test('statuses export and import: the later status wins each word; a broken file is refused; a broken store is kept and not written', async () => {
    const api = vscode.extensions.getExtension<BilingualReaderApi>(EXTENSION_ID)!.exports;
    const exported = fixturePath(`statuses-${Date.now()}.json`);
    files.push(exported);
    await setStatus('鸚鵡', 'learning4');
    const written = await vscode.commands.executeCommand<{ words: number }>('bilingualReader.exportWordStatuses', { target: exported });
    const file = JSON.parse(fs.readFileSync(exported, 'utf8')) as { words: Record<string, { status: string; modified: string }> };
    assert.strictEqual(Object.keys(file.words).length, written.words);
    assert.strictEqual(file.words['鹦鹉']?.status, 'learning4');
    // One word newer in the file, one older: only the newer is taken.
    const incoming = fixturePath(`incoming-${Date.now()}.json`);
    files.push(incoming);
    fs.writeFileSync(incoming, JSON.stringify({ version: 1, words: { 鹦鹉: { status: 'known', modified: '2099-01-01T00:00:00.000Z' }, 蝴蝶: { status: 'ignored', modified: '2000-01-01T00:00:00.000Z' } } }));
    const imported = await vscode.commands.executeCommand<{ words: number; taken: number }>('bilingualReader.importWordStatuses', { source: incoming });
    assert.deepStrictEqual([imported.words, imported.taken], [2, 1]);
    const after = JSON.parse(fs.readFileSync(api.wordStatusesFile.fsPath, 'utf8')) as typeof file;
    assert.deepStrictEqual([after.words['鹦鹉']?.status, after.words['蝴蝶']?.status], ['known', file.words['蝴蝶']?.status]);
    fs.writeFileSync(incoming, '{"version": 1, "words": {"x": {"status": "mastered"}}}');
    assert.strictEqual(await vscode.commands.executeCommand('bilingualReader.importWordStatuses', { source: incoming }), undefined);

    // The store itself broken (edited by hand): a mark is refused and the file left as it was.
    const store = api.wordStatusesFile.fsPath;
    const good = fs.readFileSync(store, 'utf8');
    fs.writeFileSync(store, good.slice(0, 40));
    try {
      assert.strictEqual(await setStatus('鸚鵡', 'new'), undefined);
      assert.strictEqual(fs.readFileSync(store, 'utf8'), good.slice(0, 40));
    } finally {
      fs.writeFileSync(store, good);
    }
    // The import dated 鹦鹉 in 2099: the user's mark now still wins, dated just after it.
    assert.strictEqual((await setStatus('鸚鵡', 'learning1'))?.status, 'learning1');
    const marked = JSON.parse(fs.readFileSync(store, 'utf8')) as typeof file;
    assert.deepStrictEqual([marked.words['鹦鹉']?.status, marked.words['鹦鹉']!.modified > '2099-01-01'], ['learning1', true]);
  });
});
