import * as assert from 'assert';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createHash, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as vscode from 'vscode';
import schema from '../../schemas/annotations.schema.json';
import type { Annotation } from '../../src/core/annotations/annotation';
import type { BilingualReaderApi } from '../../src/extension';
import { activateExtension, articleText, closeAllEditors, EXTENSION_ID, fixturePath, setSetting, workspaceFolder } from './helpers';

const validate = addFormats(new Ajv({ allErrors: true }), ['date-time']).compile(schema);

interface SidecarFile {
  version: number;
  source: { file: string; sha256: string; length: number };
  annotations: Annotation[];
}

let counter = 0;
/** A fresh copy of the reference article in the workspace, with its sidecar path. */
function freshArticle(): { uri: vscode.Uri; sidecar: string; path: string } {
  const name = `notes-${Date.now()}-${counter++}.txt`;
  const path = fixturePath(name);
  fs.writeFileSync(path, articleText());
  return { uri: vscode.Uri.joinPath(workspaceFolder().uri, name), sidecar: `${path}.annotations.json`, path };
}

/** The sidecar, or undefined while a write is replacing it (VS Code deletes, then renames). */
function trySidecar(path: string): SidecarFile | undefined {
  try {
    return readSidecar(path);
  } catch {
    return undefined;
  }
}

function readSidecar(path: string): SidecarFile {
  const value = JSON.parse(fs.readFileSync(path, 'utf8')) as SidecarFile;
  assert.ok(validate(value), JSON.stringify(validate.errors));
  return value;
}

function rangeOf(document: vscode.TextDocument, needle: string): { start: vscode.Position; end: vscode.Position } {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, needle);
  return { start: document.positionAt(offset), end: document.positionAt(offset + needle.length) };
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function annotate(uri: vscode.Uri, range: { start: vscode.Position; end: vscode.Position }, note: string, extra: object = {}): Promise<Annotation> {
  const annotation = await vscode.commands.executeCommand<Annotation>('bilingualReader.annotate', {
    uri: uri.toString(),
    range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
    note,
    ...extra,
  });
  assert.ok(annotation, 'the command returned the new annotation');
  return annotation;
}

/** Another writer's note on `quote`, added to the sidecar on disk as a second window or git would. */
function writeOthersNote(sidecar: string, document: vscode.TextDocument, id: string, quote: string): void {
  const theirs = readSidecar(sidecar);
  const offset = document.getText().indexOf(quote);
  theirs.annotations.push({
    ...theirs.annotations[0]!,
    id,
    body: { note: 'theirs', tags: [] },
    target: { selector: [{ type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }, { type: 'TextPositionSelector', start: offset, end: offset + quote.length }] },
  });
  fs.writeFileSync(sidecar, JSON.stringify(theirs, null, 2));
}

suite('Annotations', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('annotate with arguments writes a sidecar beside the article that validates against the schema', async () => {
    const { uri, sidecar } = freshArticle();
    const document = await vscode.workspace.openTextDocument(uri);
    const annotation = await annotate(uri, rangeOf(document, '實體\n\n清單'), 'US Entity List, split by the PDF', { tags: ['export-control'], translation: 'Entity List' });
    const saved = readSidecar(sidecar);
    assert.strictEqual(saved.source.file, uri.path.slice(uri.path.lastIndexOf('/') + 1));
    assert.strictEqual(saved.source.length, document.getText().length);
    const [stored] = saved.annotations;
    assert.strictEqual(stored!.id, annotation.id);
    assert.deepStrictEqual(stored!.body, { note: 'US Entity List, split by the PDF', tags: ['export-control'], translation: 'Entity List' });
    assert.strictEqual(stored!.target.selector[0].exact, '實體\n\n清單');
    assert.strictEqual(stored!.target.selector[0].prefix.length, 32);
    assert.strictEqual(stored!.target.simplified, '实体\n\n清单');
    // Hovering the annotated text shows the note and its tags (beside the glossary card).
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, rangeOf(document, '實體\n\n清單').start);
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(text, /US Entity List, split by the PDF/);
    assert.match(text, /#export-control/);
  });

  test('notes move with edits; the sidecar changes only when the document is saved', async () => {
    const { uri, sidecar } = freshArticle();
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const annotation = await annotate(uri, rangeOf(document, '黃仁勳表示'), 'speaker');
    const before = readSidecar(sidecar).annotations[0]!.target.selector[1];
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '編者按：本文有刪節。\n');
    await vscode.workspace.applyEdit(edit);
    assert.deepStrictEqual(readSidecar(sidecar).annotations[0]!.target.selector[1], before, 'an unsaved edit does not reach the sidecar');
    await document.save();
    await waitFor(() => (trySidecar(sidecar)?.annotations[0]?.target.selector[1].start ?? before.start) !== before.start, 'the sidecar to follow the save');
    const after = readSidecar(sidecar).annotations[0]!;
    assert.strictEqual(after.id, annotation.id);
    assert.strictEqual(after.target.selector[1].start, before.start + '編者按：本文有刪節。\n'.length);
    assert.strictEqual(document.getText().slice(after.target.selector[1].start, after.target.selector[1].end), '黃仁勳表示');
  });

  test('after a reopen and a change made outside VS Code, notes are found again or kept as orphans', async () => {
    const { uri, sidecar, path } = freshArticle();
    let document = await vscode.workspace.openTextDocument(uri);
    await annotate(uri, rangeOf(document, '人工智能擴散規則'), 'AI Diffusion Rule');
    await annotate(uri, rangeOf(document, '康京和表示'), 'Kang Kyung-wha');
    await closeAllEditors();
    // Another editor (or git) rewrites the file: a paragraph added at the top, one passage deleted.
    fs.writeFileSync(path, '新的導語段落。\n\n' + articleText().replace(/康京和表示/g, '她說'));
    document = await vscode.workspace.openTextDocument(uri);
    await waitFor(() => document.getText().startsWith('新的導語段落'), 'the document to show the new text');
    const ids = readSidecar(sidecar).annotations.map((a) => a.id);
    await vscode.window.showTextDocument(document);
    await document.save();
    const exported = await vscode.commands.executeCommand<vscode.Uri>('bilingualReader.exportAnnotations', { uri, format: 'json', target: vscode.Uri.file(`${path}.notes.json`) });
    const items = (JSON.parse(fs.readFileSync(exported!.fsPath, 'utf8')) as { items: { id: string; target: { selector: [{ exact: string }] } }[] }).items;
    assert.deepStrictEqual(items.map((i) => i.id.replace('urn:uuid:', '')).sort(), ids.sort(), 'no note is lost');
    const rule = items.find((i) => i.target.selector[0].exact === '人工智能擴散規則');
    assert.ok(rule, 'the note whose text is still there is anchored on it');
  });

  test('edit, then delete a note by id', async () => {
    const { uri, sidecar } = freshArticle();
    const document = await vscode.workspace.openTextDocument(uri);
    const annotation = await annotate(uri, rangeOf(document, '出口管制措施'), 'first');
    await vscode.commands.executeCommand('bilingualReader.editAnnotation', { uri, id: annotation.id, note: 'second', tags: ['policy'] });
    const edited = readSidecar(sidecar).annotations[0]!;
    assert.deepStrictEqual(edited.body, { note: 'second', tags: ['policy'] });
    assert.ok(edited.modified >= annotation.modified);
    const removed = await vscode.commands.executeCommand<string>('bilingualReader.deleteAnnotation', { uri: uri.toString(), id: annotation.id });
    assert.strictEqual(removed, annotation.id);
    assert.deepStrictEqual(readSidecar(sidecar).annotations, []);
  });

  test('exports a Markdown study sheet and an Anki CSV with the sentence, pinyin and glossary English', async () => {
    const { uri, path } = freshArticle();
    const document = await vscode.workspace.openTextDocument(uri);
    await annotate(uri, rangeOf(document, '不可靠實體清單'), 'China, MOFCOM', { tags: ['law'] });
    const markdown = fs.readFileSync((await vscode.commands.executeCommand<vscode.Uri>('bilingualReader.exportAnnotations', { uri, format: 'markdown', target: `${uri.toString()}.md` }))!.fsPath, 'utf8');
    assert.match(markdown, /## 1\. 「不可靠實體清單」 \(不可靠实体清单\)/);
    assert.match(markdown, /Unreliable Entity List/);
    assert.match(markdown, /bù kě kào shí tǐ qīng dān/);
    const csv = fs.readFileSync((await vscode.commands.executeCommand<vscode.Uri>('bilingualReader.exportAnnotations', { uri, format: 'csv', target: `${path}.csv` }))!.fsPath, 'utf8');
    assert.match(csv, /^#separator:comma/);
    assert.match(csv, /不可靠實體清單,不可靠实体清单,/);
    assert.match(csv, /和不可靠實體清單等等法律工具構建反制體系。/, 'the whole sentence, its line breaks joined');
  });

  test('a corrupt sidecar is left untouched and backed up; notes are not written over it', async () => {
    const { uri, sidecar } = freshArticle();
    fs.writeFileSync(sidecar, '{ "version": 1, "annotations": [ { "id": ');
    const document = await vscode.workspace.openTextDocument(uri);
    await annotate(uri, rangeOf(document, '華為'), 'kept in memory');
    assert.strictEqual(fs.readFileSync(sidecar, 'utf8'), '{ "version": 1, "annotations": [ { "id": ');
    const folder = fs.readdirSync(fixturePath());
    const name = sidecar.slice(sidecar.lastIndexOf('/') + 1);
    assert.ok(folder.some((f) => f.startsWith(`${name}.backup-`)), 'a backup copy is made');
  });

  test('a folder, a read-only file or a symbolic link at the sidecar path is never replaced; the note is kept', async () => {
    const { uri, sidecar } = freshArticle();
    fs.mkdirSync(sidecar);
    fs.writeFileSync(`${sidecar}/keep.txt`, 'mine');
    const document = await vscode.workspace.openTextDocument(uri);
    const note = await annotate(uri, rangeOf(document, '華為'), 'kept in memory');
    assert.ok(note, 'the note is made');
    // The write is queued: give it time to happen if it were going to.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(fs.statSync(sidecar).isDirectory() && fs.readFileSync(`${sidecar}/keep.txt`, 'utf8') === 'mine', 'the folder and its file are untouched');

    const other = freshArticle();
    const otherDocument = await vscode.workspace.openTextDocument(other.uri);
    await annotate(other.uri, rangeOf(otherDocument, '華為'), 'first');
    await waitFor(() => trySidecar(other.sidecar) !== undefined, 'the first note to be written');
    const written = fs.readFileSync(other.sidecar, 'utf8');
    fs.chmodSync(other.sidecar, 0o444);
    try {
      await annotate(other.uri, rangeOf(otherDocument, '王毅'), 'second');
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.strictEqual(fs.readFileSync(other.sidecar, 'utf8'), written, 'the read-only file is not rewritten');
      assert.strictEqual(fs.statSync(other.sidecar).mode & 0o222, 0, 'and stays read-only');
    } finally {
      fs.chmodSync(other.sidecar, 0o644);
    }

    const linked = freshArticle();
    const target = `${linked.sidecar}.target.json`;
    fs.writeFileSync(target, 'not ours');
    fs.symlinkSync(target, linked.sidecar);
    const linkedDocument = await vscode.workspace.openTextDocument(linked.uri);
    await annotate(linked.uri, rangeOf(linkedDocument, '華為'), 'beside a link');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.ok(fs.lstatSync(linked.sidecar).isSymbolicLink() && fs.readFileSync(target, 'utf8') === 'not ours', 'the link and its target are untouched');
  });

  test('an empty tag is never written: the sidecar still validates', async () => {
    const { uri, sidecar } = freshArticle();
    const document = await vscode.workspace.openTextDocument(uri);
    const note = await annotate(uri, rangeOf(document, '華為'), 'tagged');
    await vscode.commands.executeCommand('bilingualReader.editAnnotation', { uri: uri.toString(), id: note.id, tags: ['', ' policy ', 'policy'] });
    await waitFor(() => trySidecar(sidecar)?.annotations[0]?.body.tags.includes('policy') === true, 'the edited tags to be written');
    assert.deepStrictEqual(readSidecar(sidecar).annotations[0]!.body.tags, ['policy']);
  });

  test('a note’s Simplified form follows the Traditional the user reads (sourceVariant), not always Hong Kong’s', async () => {
    const file = fixturePath(`taiwan-${Date.now()}.txt`);
    fs.writeFileSync(file, '這套軟體的資料庫很大。');
    try {
      await setSetting('sourceVariant', 'twp');
      const uri = vscode.Uri.file(file);
      const document = await vscode.workspace.openTextDocument(uri);
      const note = await annotate(uri, rangeOf(document, '軟體'), 'Taiwan usage');
      // Taiwan phrases: 軟體 is 软件 on the Mainland; Hong Kong's conversion would give 软体.
      assert.strictEqual(note.target.simplified, '软件');
    } finally {
      await setSetting('sourceVariant', undefined);
      fs.rmSync(file, { force: true });
      fs.rmSync(`${file}.annotations.json`, { force: true });
    }
  });

  test('a note added to the sidecar elsewhere is merged in', async () => {
    const { uri, sidecar } = freshArticle();
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const mine = await annotate(uri, rangeOf(document, '王毅'), 'mine');
    writeOthersNote(sidecar, document, '00000000-0000-4000-8000-000000000001', '毛寧');
    // The file watcher reports the change; the note then exists for the commands.
    await waitFor(
      async () => (await vscode.commands.executeCommand<string>('bilingualReader.goToAnnotation', { uri, id: '00000000-0000-4000-8000-000000000001' })) !== undefined,
      'the external note to be merged',
    );
    assert.strictEqual(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), '毛寧');
    assert.ok(readSidecar(sidecar).annotations.some((a) => a.id === mine.id));
  });

  test('a note written elsewhere just before this window writes is kept (merged before every write)', async () => {
    const { uri, sidecar } = freshArticle();
    const document = await vscode.workspace.openTextDocument(uri);
    const mine = await annotate(uri, rangeOf(document, '王毅'), 'mine');
    await waitFor(() => trySidecar(sidecar)?.annotations.length === 1, 'the first note to be written');
    // Another writer, then at once a note here: its write comes before the file watcher would report.
    writeOthersNote(sidecar, document, '00000000-0000-4000-8000-000000000002', '毛寧');
    const second = await annotate(uri, rangeOf(document, '華為'), 'second of mine');
    await waitFor(() => trySidecar(sidecar)?.annotations.length === 3, 'all three notes in the file');
    assert.deepStrictEqual(
      readSidecar(sidecar).annotations.map((a) => a.id).sort(),
      [mine.id, second.id, '00000000-0000-4000-8000-000000000002'].sort(),
    );
  });

  test('renaming the article moves its sidecar', async () => {
    const { uri, sidecar } = freshArticle();
    const document = await vscode.workspace.openTextDocument(uri);
    await annotate(uri, rangeOf(document, '半導體'), 'semiconductors');
    const renamed = vscode.Uri.joinPath(uri, '..', `renamed-${Date.now()}.txt`);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = `${renamed.fsPath}.annotations.json`;
    await waitFor(() => fs.existsSync(moved) && !fs.existsSync(sidecar), 'the sidecar to follow');
    assert.strictEqual(readSidecar(moved).annotations[0]!.body.note, 'semiconductors');
  });

  test('a note made on unsaved text follows a rename and is written with the save', async () => {
    const { uri, sidecar } = freshArticle();
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '未存檔的導語。\n');
    await vscode.workspace.applyEdit(edit);
    assert.ok(document.isDirty);
    await annotate(uri, rangeOf(document, '未存檔的導語'), 'made before saving');
    assert.ok(!fs.existsSync(sidecar), 'nothing describes unsaved text on disk');
    const renamed = vscode.Uri.joinPath(uri, '..', `renamed-dirty-${Date.now()}.txt`);
    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(uri, renamed);
    assert.ok(await vscode.workspace.applyEdit(rename));
    const moved = await vscode.workspace.openTextDocument(renamed);
    await waitFor(() => moved.getText().startsWith('未存檔的導語'), 'the renamed document to keep its unsaved text');
    await moved.save();
    const target = `${renamed.fsPath}.annotations.json`;
    await waitFor(() => fs.existsSync(target), 'the sidecar at the new name');
    const saved = readSidecar(target).annotations;
    assert.deepStrictEqual(saved.map((a) => [a.body.note, a.target.selector[0].exact]), [['made before saving', '未存檔的導語']]);
  });

  test('notes made on unsaved text follow their folder when it is renamed (issue 12)', async () => {
    const folder = fixturePath(`folder-${Date.now()}`);
    fs.mkdirSync(folder);
    const path = `${folder}/article.txt`;
    fs.writeFileSync(path, articleText());
    const uri = vscode.Uri.file(path);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '資料夾改名前的導語。\n');
    await vscode.workspace.applyEdit(edit);
    await annotate(uri, rangeOf(document, '資料夾改名前的導語'), 'made before the folder moved');
    const renamedFolder = vscode.Uri.file(`${folder}-renamed`);
    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(vscode.Uri.file(folder), renamedFolder);
    assert.ok(await vscode.workspace.applyEdit(rename));
    const movedUri = vscode.Uri.joinPath(renamedFolder, 'article.txt');
    const moved = await vscode.workspace.openTextDocument(movedUri);
    await waitFor(() => moved.getText().startsWith('資料夾改名前的導語'), 'the moved document to keep its unsaved text');
    await moved.save();
    const target = `${movedUri.fsPath}.annotations.json`;
    await waitFor(() => fs.existsSync(target), 'the sidecar in the renamed folder');
    assert.deepStrictEqual(readSidecar(target).annotations.map((a) => [a.body.note, a.target.selector[0].exact]), [['made before the folder moved', '資料夾改名前的導語']]);
  });

  test('a sidecar whose write was interrupted is recovered from its temporary file', async () => {
    const first = freshArticle();
    const document = await vscode.workspace.openTextDocument(first.uri);
    const annotation = await annotate(first.uri, rangeOf(document, '聯合國'), 'the United Nations');
    // A second article whose sidecar write "crashed" after the old file was deleted: only the temporary is left.
    const second = freshArticle();
    const name = second.sidecar.slice(second.sidecar.lastIndexOf('/') + 1);
    const content = fs.readFileSync(first.sidecar, 'utf8');
    fs.writeFileSync(fixturePath(`.${name}.crashed.tmp`), content);
    const reopened = await vscode.workspace.openTextDocument(second.uri);
    await vscode.window.showTextDocument(reopened);
    await waitFor(
      async () => (await vscode.commands.executeCommand<string>('bilingualReader.goToAnnotation', { uri: second.uri, id: annotation.id })) !== undefined,
      'the recovered note',
    );
    assert.ok(fs.existsSync(second.sidecar), 'the temporary file was put in place');
    assert.ok(!fs.existsSync(fixturePath(`.${name}.crashed.tmp`)));
  });

  test('with annotations.location = folder, the sidecar goes to .annotations/ mirroring the workspace', async () => {
    await setSetting('annotations.location', 'folder');
    try {
      fs.mkdirSync(fixturePath('articles'), { recursive: true });
      const path = fixturePath('articles', `nested-${Date.now()}.txt`);
      fs.writeFileSync(path, articleText());
      const uri = vscode.Uri.file(path);
      const document = await vscode.workspace.openTextDocument(uri);
      await annotate(uri, rangeOf(document, '東盟'), 'ASEAN');
      const sidecar = fixturePath('.annotations', 'articles', `${path.slice(path.lastIndexOf('/') + 1)}.annotations.json`);
      const saved = readSidecar(sidecar);
      assert.strictEqual(saved.source.file, `../../articles/${path.slice(path.lastIndexOf('/') + 1)}`, 'a relative path, nothing absolute');
      assert.ok(!fs.existsSync(`${path}.annotations.json`));
    } finally {
      await setSetting('annotations.location', undefined);
    }
  });
  test('Move Line Down past a noted line keeps the note on its text (issue 12)', async () => {
    const { uri, sidecar } = freshArticle();
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const noted = rangeOf(document, '黃仁勳表示');
    const note = await annotate(uri, noted, 'moved past');
    const before = readSidecar(sidecar).annotations[0]!.target.selector[1].start;
    // The line above moves down: VS Code deletes the noted line and inserts it above.
    editor.selection = new vscode.Selection(noted.start.line - 1, 0, noted.start.line - 1, 0);
    await vscode.commands.executeCommand('editor.action.moveLinesDownAction');
    assert.strictEqual(document.lineAt(noted.start.line - 1).text.startsWith('黃仁勳表示'), true, 'the noted line moved up');
    await document.save();
    await waitFor(() => (trySidecar(sidecar)?.annotations[0]?.target.selector[1].start ?? before) !== before, 'the sidecar to follow the save');
    const saved = readSidecar(sidecar).annotations.find((a) => a.id === note.id)!;
    const position = saved.target.selector[1];
    assert.strictEqual(document.getText().slice(position.start, position.end), '黃仁勳表示');
    assert.strictEqual(document.positionAt(position.start).line, noted.start.line - 1);
  });

  test('notes that cannot be written survive the document closing: kept in workspace storage, written once they can be (issue 12)', async () => {
    const { uri, sidecar } = freshArticle();
    fs.mkdirSync(sidecar);
    let document = await vscode.workspace.openTextDocument(uri);
    const kept = await annotate(uri, rangeOf(document, '華為'), 'survives closing');
    // Changing the language closes the document (its notes leave memory) and opens it again.
    const closed = new Promise<void>((resolve) => {
      const listener = vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() === uri.toString()) {
          listener.dispose();
          resolve();
        }
      });
    });
    document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await closed;
    fs.rmSync(sidecar, { recursive: true });
    await waitFor(async () => (await vscode.commands.executeCommand<string>('bilingualReader.goToAnnotation', { uri: uri.toString(), id: kept.id })) === kept.id, 'the note back from workspace storage');
    const second = await annotate(uri, rangeOf(document, '王毅'), 'written with it');
    await waitFor(() => trySidecar(sidecar) !== undefined, 'the sidecar, now that the folder is gone');
    assert.deepStrictEqual(readSidecar(sidecar).annotations.map((a) => a.id).sort(), [kept.id, second.id].sort());
  });

  test('a note placed by an approximate match after a change made elsewhere awaits review; confirm and re-attach settle it (issue 12)', async () => {
    const { uri, sidecar, path } = freshArticle();
    // The note was written (by another window, or before a git pull) on the text as it was; the
    // article has changed since: 保持 became 維持.
    const original = articleText();
    const quote = '中國對美政策保持連續性和穩定';
    const at = original.indexOf(quote);
    const id = randomUUID();
    const note: Annotation = {
      id,
      created: '2026-11-30T00:00:00.000Z',
      modified: '2026-11-30T00:00:00.000Z',
      body: { note: 'policy continuity', tags: [] },
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact: quote, prefix: original.slice(at - 32, at), suffix: original.slice(at + quote.length, at + quote.length + 32) },
          { type: 'TextPositionSelector', start: at, end: at + quote.length },
        ],
      },
    };
    const sha = createHash('sha256').update(original, 'utf8').digest('hex');
    fs.writeFileSync(sidecar, JSON.stringify({ version: 1, source: { file: path.slice(path.lastIndexOf('/') + 1), sha256: sha, length: original.length }, annotations: [note] }, null, 2));
    fs.writeFileSync(path, original.replace(quote, '中國對美政策維持連續性和穩定'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const changed = rangeOf(document, '維持連續性');
    let hover = '';
    await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, changed.start);
      hover = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n')
        .replace(/&nbsp;/g, ' ')
        .replace(/\\(.)/g, '$1');
      return hover.includes('policy continuity');
    }, 'the note on the changed text');
    assert.match(hover, /approximate match/, 'the hover says the placement awaits review');
    assert.ok(hover.includes(quote), 'and what the note was written on');
    // The reader panel flags it too (its note span carries review = 1), and drops the flag once confirmed.
    const api = vscode.extensions.getExtension<BilingualReaderApi>(EXTENSION_ID)!.exports;
    const flags: (1 | undefined)[] = [];
    await vscode.commands.executeCommand('bilingualReader.openReader', uri);
    const panel = api.readerPanelFor(uri)!;
    const collector = panel.onDidPostMessage((m) => {
      if (m.type === 'render' || m.type === 'patch') {
        for (const block of m.blocks) {
          for (const span of block.notes?.original ?? []) {
            flags.push(span[3]);
          }
        }
      }
    });
    try {
      await waitFor(() => flags.includes(1), 'the panel to flag the note for review');
      assert.strictEqual(await vscode.commands.executeCommand('bilingualReader.confirmAnnotationPlacement', { uri: uri.toString(), id }), id);
      await waitFor(() => flags[flags.length - 1] === undefined, 'the panel to show the note confirmed');
    } finally {
      collector.dispose();
    }
    await waitFor(() => trySidecar(sidecar)?.annotations[0]?.target.selector[0].exact === '中國對美政策維持連續性和穩定', 'the confirmed quote in the sidecar');
    const target = rangeOf(document, '王毅說');
    const range = { start: { line: target.start.line, character: target.start.character }, end: { line: target.end.line, character: target.end.character } };
    assert.strictEqual(await vscode.commands.executeCommand('bilingualReader.reattachAnnotation', { uri: uri.toString(), id, range }), id);
    await waitFor(() => trySidecar(sidecar)?.annotations[0]?.target.selector[0].exact === '王毅說', 'the re-attached note in the sidecar');
  });
});
