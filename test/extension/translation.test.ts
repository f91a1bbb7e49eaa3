import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { XMLParser } from 'fast-xml-parser';
import type { ListedSegment } from '../../src/commands/listSegmentsCommand';
import { TranslationCodec } from '../../src/core/translation/translationFile';
import type { BilingualReaderApi } from '../../src/extension';
import type { ToWebviewMessage } from '../../src/protocol/readerMessages';
import { activateExtension, articleText, closeAllEditors, EXTENSION_ID, fixturePath } from './helpers';

const list = (uri: vscode.Uri) => vscode.commands.executeCommand<ListedSegment[] | undefined>('bilingualReader.listSegments', { uri });
const translate = (uri: vscode.Uri, segment: number, text: string, state?: string) =>
  vscode.commands.executeCommand<{ index: number; translation: string; state: string } | undefined>('bilingualReader.translateSegment', { uri, segment, text, state });

suite('Translation segments (issue 14)', () => {
  suiteSetup(activateExtension);
  let article: string;
  let uri: vscode.Uri;
  setup(() => {
    article = fixturePath(`translated-${Date.now()}.txt`);
    fs.writeFileSync(article, articleText());
    uri = vscode.Uri.file(article);
  });
  teardown(async () => {
    await closeAllEditors();
    fs.rmSync(article, { force: true });
    fs.rmSync(`${article}.translation.json`, { force: true });
  });

  test('an article lists its sentences, none translated; a translation is saved beside it and listed', async () => {
    const before = (await list(uri))!;
    assert.ok(before.length > 80, `${before.length} segments`);
    assert.ok(before.every((s, i) => s.index === i && s.translation === '' && s.state === 'initial'));
    assert.deepStrictEqual(await translate(uri, 3, 'The third sentence.', 'translated'), { index: 3, translation: 'The third sentence.', state: 'translated' });
    const read = new TranslationCodec().read(fs.readFileSync(`${article}.translation.json`, 'utf8'));
    assert.ok(read.ok, JSON.stringify(read));
    // The quote is the document's text of the sentence, line breaks of the extraction included.
    const quote = read.file.segments[0]!.selector[0].exact;
    assert.deepStrictEqual([read.file.segments.length, read.file.targetLanguage, quote.replace(/\s/gu, '')], [1, 'en', before[3]!.source.replace(/\s/gu, '')]);
    const after = (await list(uri))!;
    assert.deepStrictEqual([after[3]!.translation, after[3]!.state, after[3]!.sourceChanged], ['The third sentence.', 'translated', false]);
  });

  test('a sentence added above moves the translation with its sentence; editing the sentence flags it until it is translated again', async () => {
    const third = (await list(uri))![3]!;
    await translate(uri, 3, 'Three', 'translated');
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '新加的一句話。\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = (await list(uri))!;
    const at = moved.findIndex((s) => s.translation === 'Three');
    assert.ok(at > 3, `the translation is on segment ${at}`);
    assert.deepStrictEqual([moved[at]!.source, moved[at]!.sourceChanged], [third.source, false]);

    // One character of the sentence changes: the translation stays on it, flagged for review.
    const offset = document.getText().indexOf(third.source.slice(4, 6));
    const change = new vscode.WorkspaceEdit();
    change.replace(uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + 1)), '乙');
    assert.ok(await vscode.workspace.applyEdit(change));
    const flagged = (await list(uri))!;
    assert.deepStrictEqual([flagged[at]!.translation, flagged[at]!.sourceChanged], ['Three', true]);
    await translate(uri, at, 'Three, reviewed', 'reviewed');
    assert.deepStrictEqual([(await list(uri))![at]!.sourceChanged, (await list(uri))![at]!.state], [false, 'reviewed']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('bad arguments and a missing segment are refused; a broken translation file is reported and never written over', async () => {
    assert.strictEqual(await translate(uri, -1, 'x'), undefined);
    assert.strictEqual(await translate(uri, 2, 'x', 'final'), undefined);
    assert.strictEqual(await translate(uri, 100_000, 'x'), undefined);
    assert.strictEqual(fs.existsSync(`${article}.translation.json`), false, 'nothing written for refused arguments');
    const broken = '{ "version": 1, "segments": [ oops';
    fs.writeFileSync(`${article}.translation.json`, broken);
    assert.strictEqual(await translate(uri, 2, 'Two'), undefined);
    assert.strictEqual(await list(uri), undefined);
    assert.strictEqual(fs.readFileSync(`${article}.translation.json`, 'utf8'), broken, 'the broken file is left as it was');
  });

  test('a translation written by another window meanwhile is kept when this one saves', async () => {
    await translate(uri, 1, 'One');
    const file = `${article}.translation.json`;
    const codec = new TranslationCodec();
    const read = codec.read(fs.readFileSync(file, 'utf8'));
    assert.ok(read.ok);
    const other = { ...read.file.segments[0]!, id: '11111111-2222-4333-8444-555555555555', target: 'Another window' };
    fs.writeFileSync(file, codec.write(articleText(), read.file.source.file, 'en', [...read.file.segments, other]));
    await translate(uri, 5, 'Five');
    const merged = codec.read(fs.readFileSync(file, 'utf8'));
    assert.ok(merged.ok);
    assert.deepStrictEqual(merged.file.segments.map((s) => s.target).sort(), ['Another window', 'Five', 'One']);
  });

  test('exports: XLIFF 2.0 for a CAT tool, a TMX memory, bilingual Markdown and the translation alone', async () => {
    await translate(uri, 0, 'The first sentence.', 'translated');
    await translate(uri, 1, 'A draft.', 'draft');
    const exported = (format: string) => vscode.commands.executeCommand<vscode.Uri | undefined>('bilingualReader.exportTranslation', { uri, format, target: vscode.Uri.file(`${article}.${format}`) });
    try {
      const xliff = fs.readFileSync((await exported('xliff'))!.fsPath, 'utf8');
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['unit', 'segment'].includes(name) }).parse(xliff);
      assert.deepStrictEqual([parsed.xliff['@srcLang'], parsed.xliff['@trgLang']], ['zh-Hant-HK', 'en']);
      const segments = parsed.xliff.file.unit.flatMap((u: { segment: Record<string, unknown>[] }) => u.segment);
      assert.strictEqual(segments.length, (await list(uri))!.length, 'every sentence is a segment');
      assert.deepStrictEqual([segments[0]['@state'], segments[0].target, segments[1]['@state'], segments[1]['@subState'], segments[2].target], ['translated', 'The first sentence.', 'initial', 'bilingualReader:draft', undefined]);
      const tmx = fs.readFileSync((await exported('tmx'))!.fsPath, 'utf8');
      assert.ok(tmx.includes('<seg>The first sentence.</seg>') && !tmx.includes('A draft.'), 'the memory holds finished sentences only');
      const markdown = fs.readFileSync((await exported('markdown'))!.fsPath, 'utf8');
      // The first two sentences are the two headlines: a block each.
      assert.ok(markdown.includes('\n\n> The first sentence.\n\n') && markdown.includes('\n\n> A draft.\n\n'), markdown.slice(0, 300));
      assert.strictEqual(fs.readFileSync((await exported('text'))!.fsPath, 'utf8'), 'The first sentence.\n\nA draft.\n');
      assert.strictEqual(await exported('docx'), undefined);
    } finally {
      for (const format of ['xliff', 'tmx', 'markdown', 'text']) {
        fs.rmSync(`${article}.${format}`, { force: true });
      }
    }
  });

  test('import from OmegaT and Trados: sentences matched by text, an earlier translation replaced only after a copy of the file, a broken file refused', async () => {
    const fixture = (name: string) => vscode.Uri.file(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'xliff', name));
    await translate(uri, 3, 'An earlier translation.', 'translated');
    const result = await vscode.commands.executeCommand<{ imported: number; replaced: number; unmatched: number; backup?: string }>('bilingualReader.importTranslation', { uri, source: fixture('omegat.xlf') });
    try {
      assert.deepStrictEqual([result?.imported, result?.replaced, result?.unmatched], [2, 1, 1]);
      const backup = vscode.Uri.parse(result!.backup!);
      assert.ok(fs.readFileSync(backup.fsPath, 'utf8').includes('An earlier translation.'), 'the replaced translation is in the copy');
      const listed = (await list(uri))!;
      assert.deepStrictEqual([listed[1]!.translation, listed[1]!.state], ['Nvidia loses over US$15 billion', 'translated']);
      assert.ok(listed[3]!.translation.startsWith("Huang said Nvidia's share"));
      assert.strictEqual(listed[6]!.translation, '', 'a unit without a target gives nothing');

      const trados = await vscode.commands.executeCommand<{ imported: number }>('bilingualReader.importTranslation', { uri, source: fixture('trados.sdlxliff') });
      assert.strictEqual(trados?.imported, 2);
      const after = (await list(uri))!;
      assert.deepStrictEqual([after[3]!.state, after[4]!.state], ['reviewed', 'reviewed']);

      const before = fs.readFileSync(`${article}.translation.json`, 'utf8');
      const broken = fixturePath(`broken-${Date.now()}.xlf`);
      fs.writeFileSync(broken, '<xliff version="1.2"><file><body><trans-unit>');
      try {
        assert.strictEqual(await vscode.commands.executeCommand('bilingualReader.importTranslation', { uri, source: vscode.Uri.file(broken) }), undefined);
      } finally {
        fs.rmSync(broken, { force: true });
      }
      assert.strictEqual(fs.readFileSync(`${article}.translation.json`, 'utf8'), before, 'nothing changed');
    } finally {
      if (result?.backup) {
        fs.rmSync(vscode.Uri.parse(result.backup).fsPath, { force: true });
      }
    }
  });

  test('a stale request is refused, two quick saves make one translation, a lost sentence is listed as an orphan', async () => {
    const segments = (await list(uri))!;
    const stale = await vscode.commands.executeCommand('bilingualReader.translateSegment', { uri, segment: 4, text: 'Four', source: segments[5]!.source });
    assert.strictEqual(stale, undefined, 'segment 4 is not the sentence given');
    assert.strictEqual(await translate(uri, 4, '', 'translated'), undefined, 'a translated segment needs a text');
    await Promise.all([translate(uri, 4, 'Four, first'), translate(uri, 4, 'Four, second')]);
    const read = new TranslationCodec().read(fs.readFileSync(`${article}.translation.json`, 'utf8'));
    assert.ok(read.ok);
    assert.deepStrictEqual(read.file.segments.map((t) => t.target), ['Four, second'], 'one translation, the later save');

    // The sentence is deleted from the article: its translation is kept and listed as an orphan.
    const document = await vscode.workspace.openTextDocument(uri);
    const start = document.getText().indexOf(segments[4]!.source.slice(0, 12));
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, new vscode.Range(document.positionAt(start), document.positionAt(start + segments[4]!.source.length)));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const orphans = (await list(uri))!.filter((s) => s.orphan);
    assert.deepStrictEqual(orphans.map((o) => [o.index, o.translation]), [[-1, 'Four, second']]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('translations into another language are not relabelled, and a write interrupted between delete and rename is recovered', async () => {
    await translate(uri, 0, 'Zero');
    await vscode.workspace.getConfiguration('bilingualReader').update('translation.targetLanguage', 'de', vscode.ConfigurationTarget.Global);
    try {
      assert.strictEqual(await translate(uri, 1, 'Eins'), undefined, 'the file holds English');
    } finally {
      await vscode.workspace.getConfiguration('bilingualReader').update('translation.targetLanguage', undefined, vscode.ConfigurationTarget.Global);
    }
    // As VS Code leaves it after a crash between deleting the old file and renaming the new one in.
    const file = `${article}.translation.json`;
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.crash1.tmp`);
    fs.renameSync(file, temporary);
    try {
      assert.strictEqual((await list(uri))![0]!.translation, 'Zero', 'read from the temporary');
      await translate(uri, 1, 'One');
      const read = new TranslationCodec().read(fs.readFileSync(file, 'utf8'));
      assert.ok(read.ok);
      assert.deepStrictEqual(read.file.segments.map((t) => t.target).sort(), ['One', 'Zero']);
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  });

  test('checks: a missing glossary rendering and a number not carried show in the Problems panel on the sentence, with a quick fix, and go when mended', async () => {
    const segments = (await list(uri))!;
    // Segment 1 is the headline 英偉達損失逾150億美元: the glossary renders 英偉達 as Nvidia.
    assert.ok(segments[1]!.source.includes('英偉達') && segments[1]!.source.includes('150億'));
    await translate(uri, 1, 'The chipmaker loses over US$1.5 billion', 'translated');
    const document = await vscode.workspace.openTextDocument(uri);
    const ours = async (settled: (d: vscode.Diagnostic[]) => boolean) => {
      for (let i = 0; i < 100; i++) {
        const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Bilingual Reader');
        if (settled(found)) {
          return found;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`diagnostics never settled: ${JSON.stringify(vscode.languages.getDiagnostics(uri))}`);
    };
    const found = await ours((d) => d.length >= 2);
    assert.deepStrictEqual(found.map((d) => d.code).sort(), ['number', 'term']);
    const line = document.lineAt(found[0]!.range.start.line).text;
    assert.ok(line.includes('英偉達損失'), line);
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, found[0]!.range);
    const fix = fixes.find((f) => f.command?.command === 'bilingualReader.translateInReader');
    const [target] = (fix?.command?.arguments ?? []) as { uri?: vscode.Uri; segment?: number }[];
    assert.deepStrictEqual([target?.uri?.toString(), target?.segment], [uri.toString(), 1], 'a quick fix shows the segment in the reader');
    // Run, it opens the panel's translation column, whose page holds the segment with its findings.
    const api = vscode.extensions.getExtension<BilingualReaderApi>(EXTENSION_ID)!.exports;
    assert.deepStrictEqual(await vscode.commands.executeCommand(fix!.command!.command, ...fix!.command!.arguments!), { segment: 1 });
    const panel = api.readerPanelFor(uri)!;
    assert.strictEqual(panel.currentOptions.layout, 'translation');
    const page = await new Promise<Extract<ToWebviewMessage, { type: 'segments' }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no page of segments')), 30_000);
      const listener = panel.onDidPostMessage((m) => {
        if (m.type === 'segments' && m.items.some((item) => item.index === 1 && item.checks.length === 2)) {
          clearTimeout(timer);
          listener.dispose();
          resolve(m);
        }
      });
    });
    assert.deepStrictEqual([page.start, page.items[1]!.state, page.progress.done], [0, 'translated', 1]);
    await translate(uri, 1, 'Nvidia loses over US$15 billion', 'translated');
    await ours((d) => d.length === 0);
  });
});

