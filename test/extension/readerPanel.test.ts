import * as assert from 'assert';
import { hk2cnAsTheExtension } from '../support/expectedConversion';
import * as vscode from 'vscode';
import type { BilingualReaderApi } from '../../src/extension';
import type { ToWebviewMessage } from '../../src/protocol/readerMessages';
import type { ReaderPanel } from '../../src/reader/readerPanel';
import * as fs from 'fs';
import { activateExtension, articleText, articleUri, closeAllEditors, EXTENSION_ID, fixturePath, setSetting } from './helpers';

const hk2cn = hk2cnAsTheExtension();

/** Resolves with the first message the panel posts that satisfies `matches`. */
function nextMessage<T extends ToWebviewMessage>(
  panel: ReaderPanel,
  matches: (m: ToWebviewMessage) => m is T,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('the panel posted no such message'));
    }, timeoutMs);
    const listener = panel.onDidPostMessage((message) => {
      if (matches(message)) {
        clearTimeout(timer);
        listener.dispose();
        resolve(message);
      }
    });
  });
}

type Render = Extract<ToWebviewMessage, { type: 'render' }>;
type Patch = Extract<ToWebviewMessage, { type: 'patch' }>;
type Blocks = Extract<ToWebviewMessage, { type: 'blocks' }>;
const isFinalRender = (m: ToWebviewMessage): m is Render => m.type === 'render' && m.done;
const isPatch = (m: ToWebviewMessage): m is Patch => m.type === 'patch';

/** Opens the reader on a document and collects every block of its first complete render. */
async function openReader(uri: vscode.Uri): Promise<{ panel: ReaderPanel; blocks: Render['blocks']; final: Render }> {
  const api = vscode.extensions.getExtension<BilingualReaderApi>(EXTENSION_ID)!.exports;
  const blocks: Render['blocks'][number][] = [];
  const opened = vscode.commands.executeCommand('bilingualReader.openReader', uri);
  await opened;
  const panel = api.readerPanelFor(uri);
  assert.ok(panel, 'the command opened a panel for the document');
  const collector = panel.onDidPostMessage((m) => {
    if (m.type === 'render') {
      blocks.length = m.start;
      blocks.push(...m.blocks);
    }
  });
  const final = await nextMessage(panel, isFinalRender);
  collector.dispose();
  return { panel, blocks, final };
}

suite('Reader panel', () => {
  suiteSetup(activateExtension);
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closeAllEditors();
  });

  test('shows every block of the reference article beside its hk → cn conversion', async () => {
    const document = await vscode.workspace.openTextDocument(articleUri());
    await vscode.window.showTextDocument(document);
    const { blocks, final } = await openReader(document.uri);
    assert.strictEqual(final.source, document.uri.toString());
    assert.deepStrictEqual([final.options.from, final.options.to], ['hk', 'cn']);
    assert.strictEqual(blocks.length, 54);
    for (const block of blocks) {
      assert.strictEqual(block.converted, hk2cn(block.original));
    }
    assert.ok(blocks.some((b) => b.converted.includes('昇腾')) && !blocks.some((b) => b.converted.includes('升腾')), 'the glossary’s 昇腾, not OpenCC’s 升腾');
  });

  test('an edit in the document reaches the panel as a patch of the changed block only', async () => {
    const document = await vscode.workspace.openTextDocument(articleUri());
    await vscode.window.showTextDocument(document);
    const { panel } = await openReader(document.uri);
    const patched = nextMessage(panel, isPatch);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(43, 0), '體驗');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const patch = await patched;
    assert.strictEqual(patch.version, document.version);
    assert.strictEqual(patch.deleteCount, 1);
    assert.strictEqual(patch.blocks.length, 1);
    assert.ok(patch.blocks[0]!.converted.startsWith('体验香港文汇报讯'), patch.blocks[0]!.converted.slice(0, 20));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('running the command again reveals the same panel', async () => {
    const document = await vscode.workspace.openTextDocument(articleUri());
    await vscode.window.showTextDocument(document);
    const { panel } = await openReader(document.uri);
    const again = await vscode.commands.executeCommand('bilingualReader.openReader', document.uri.toString());
    assert.strictEqual(again, panel);
  });

  test('untitled Simplified documents open too, converted to the chosen Traditional variant', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '美国芯片巨头英伟达公司总裁黄仁勋\n\n这里面的说明。' });
    await vscode.window.showTextDocument(document);
    const { blocks, final } = await openReader(document.uri);
    assert.strictEqual(document.uri.scheme, 'untitled');
    assert.deepStrictEqual([final.options.from, final.options.to], ['cn', 'hk']);
    assert.deepStrictEqual(
      blocks.map((b) => b.converted),
      ['美國芯片巨頭英偉達公司總裁黃仁勳', '這裏面的説明。'],
    );
  });

  test('a Simplified document converts word by word, and again without segmentation when it is turned off', async () => {
    // A file, not an untitled document: untitled names are reused across this suite's documents.
    const file = fixturePath('segmentation-sample.txt');
    fs.writeFileSync(file, '这项技术被发明后在华发展。');
    try {
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);
      const { panel, blocks } = await openReader(document.uri);
      assert.deepStrictEqual(blocks.map((b) => b.converted), ['這項技術被發明後在華發展。']);
      const rendered = nextMessage(panel, (m): m is Render => isFinalRender(m) && m.blocks.some((b) => b.converted.includes('被髮明')));
      await setSetting('conversion.segmentation', 'none');
      const render = await rendered;
      assert.deepStrictEqual(render.blocks.map((b) => b.converted), ['這項技術被髮明後在華髮展。']);
    } finally {
      await setSetting('conversion.segmentation', undefined);
      fs.rmSync(file, { force: true });
    }
  });

  test('glossary terms are marked in the converted column whatever variant characters it uses (華爲, 關税)', async () => {
    // OpenCC's generic Traditional writes 華爲, Hong Kong's 關税: the glossary spells 華為 and 關稅.
    const file = fixturePath('variant-sample.txt');
    fs.writeFileSync(file, '华为芯片的关税');
    try {
      await setSetting('reader.traditionalVariant', 't');
      const document = await vscode.workspace.openTextDocument(file);
      await vscode.window.showTextDocument(document);
      const { blocks } = await openReader(document.uri);
      const block = blocks[0]!;
      assert.ok(block.converted.includes('華爲'), block.converted);
      const marked = (block.terms?.converted ?? []).map(([start, end]) => block.converted.slice(start, end));
      assert.ok(marked.includes('華爲') && marked.includes('芯片'), marked.join(','));
    } finally {
      await setSetting('reader.traditionalVariant', undefined);
      fs.rmSync(file, { force: true });
    }
  });

  test('a new protected phrase re-renders the panel with the phrase kept', async () => {
    const document = await vscode.workspace.openTextDocument(articleUri());
    await vscode.window.showTextDocument(document);
    const { panel } = await openReader(document.uri);
    const rendered = nextMessage(panel, (m): m is Render => isFinalRender(m) && m.blocks.some((b) => b.converted.includes('黃仁勳')));
    const file = vscode.Uri.file(fixturePath('.bilingual-reader', 'phrases.json'));
    try {
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{ "protected": ["黃仁勳"] }'));
      const render = await rendered;
      assert.ok(render.blocks.every((b) => !b.converted.includes('黄仁勋')));
    } finally {
      fs.rmSync(fixturePath('.bilingual-reader'), { recursive: true, force: true });
    }
  });

  test('readings: ruby in the configured system over both columns, re-rendered when the setting changes', async () => {
    await setSetting('reader.pinyin', true);
    try {
      const document = await vscode.workspace.openTextDocument(articleUri());
      await vscode.window.showTextDocument(document);
      const { panel, blocks, final } = await openReader(document.uri);
      assert.strictEqual(final.options.pinyin, true);
      assert.strictEqual(final.options.readings, 'pinyin');
      assert.strictEqual(final.options.toneColors, 'standard');
      const readingOf = (rendered: Render['blocks'], word: string, column: 'original' | 'converted' = 'original') => {
        const block = rendered.find((b) => b[column].includes(word))!;
        const at = block[column].indexOf(word);
        const spans = new Map((block.ruby?.[column] ?? []).map((span) => [span[0], span] as const));
        // Lower case: proper nouns are capitalised as the glossary and CC-CEDICT write them (Xiānggǎng).
        return [...word].map((_, i) => spans.get(at + i)?.slice(1).map((r) => String(r).toLowerCase()));
      };
      // The glossary's reading (Huáwéi), on the converted column too.
      assert.deepStrictEqual(readingOf(blocks, '華為'), [['huá'], ['wéi']]);
      assert.deepStrictEqual(readingOf(blocks, '华为', 'converted'), [['huá'], ['wéi']]);

      const collected: Render['blocks'][number][] = [];
      const collector = panel.onDidPostMessage((m) => {
        if (m.type === 'render') {
          collected.length = m.start;
          collected.push(...m.blocks);
        }
      });
      const rerendered = nextMessage(panel, (m): m is Render => isFinalRender(m) && m.options.readings === 'pinyin+jyutping');
      await setSetting('readings', 'pinyin+jyutping');
      await rerendered;
      collector.dispose();
      assert.deepStrictEqual(readingOf(collected, '香港'), [['xiāng', 'hoeng1'], ['gǎng', 'gong2']]);
    } finally {
      await setSetting('readings', undefined);
      await setSetting('reader.pinyin', undefined);
    }
  });

  test('readings agree: every term card of the article reads as the ruby over the term, and an exported note as the ruby over its quote', async () => {
    await setSetting('reader.pinyin', true);
    // A copy of the article: the notes below write a sidecar beside it.
    const copy = fixturePath(`readings-agree-${Date.now()}.txt`);
    fs.writeFileSync(copy, articleText());
    const exported = `${copy}.csv`;
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(copy));
      await vscode.window.showTextDocument(document);
      const api = vscode.extensions.getExtension<BilingualReaderApi>(EXTENSION_ID)!.exports;
      const cards: Render['cards'][string][] = [];
      const cardsByKey = new Map<string, Render['cards'][string]>();
      const opened = vscode.commands.executeCommand('bilingualReader.openReader', document.uri);
      await opened;
      const panel = api.readerPanelFor(document.uri)!;
      const blocks: Render['blocks'][number][] = [];
      const collector = panel.onDidPostMessage((m) => {
        if (m.type === 'render') {
          blocks.length = m.start;
          blocks.push(...m.blocks);
          Object.entries(m.cards).forEach(([key, card]) => cardsByKey.set(key, card));
        }
      });
      await nextMessage(panel, isFinalRender);
      collector.dispose();
      let compared = 0;
      for (const block of blocks) {
        for (const column of ['original', 'converted'] as const) {
          const ruby = new Map((block.ruby?.[column] ?? []).map((span) => [span[0], span[1]] as const));
          for (const [start, end, key] of block.terms?.[column] ?? []) {
            const card = cardsByKey.get(key)!;
            const overTerm = [...block[column].slice(start, end)].map((_, i) => ruby.get(start + i)).filter((r): r is string => r !== undefined);
            assert.deepStrictEqual(card.reading?.syllables.map((s) => s[0]), overTerm, `${card.term} in ${block[column]}`);
            cards.push(card);
            compared++;
          }
        }
      }
      assert.ok(compared > 300, `${compared} terms compared`);

      // Notes on polyphonic words export the reading the ruby shows over them.
      const text = document.getText();
      const rubyOver = (word: string) => {
        const block = blocks.find((b) => b.original.includes(word))!;
        const at = block.original.indexOf(word);
        const ruby = new Map((block.ruby?.original ?? []).map((span) => [span[0], span[1]] as const));
        return [...word].map((_, i) => ruby.get(at + i)).join(' ');
      };
      const words = ['正當', '分別', '倒逼', '產供鏈'];
      for (const word of words) {
        const offset = text.indexOf(word);
        await vscode.commands.executeCommand('bilingualReader.annotate', {
          uri: document.uri.toString(),
          range: { start: document.positionAt(offset), end: document.positionAt(offset + word.length) },
          note: `reading of ${word}`,
          tags: [],
        });
      }
      const csv = fs.readFileSync((await vscode.commands.executeCommand<vscode.Uri>('bilingualReader.exportAnnotations', { uri: document.uri.toString(), format: 'csv', target: exported }))!.fsPath, 'utf8');
      for (const word of words) {
        assert.ok(csv.includes(rubyOver(word)), `${word}: the export has ${rubyOver(word)}\n${csv}`);
      }
      assert.match(csv, /zhèng dàng/);
    } finally {
      await setSetting('reader.pinyin', undefined);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const file of [copy, exported, `${copy}.annotations.json`]) {
        fs.rmSync(file, { force: true });
      }
    }
  });

  test('a long document reaches the panel by outline, and its blocks only as the panel comes near them (issue 13)', async () => {
    const paragraph = (i: number) => `\u3000\u3000第${i + 1}段：他說這裏的晶片發展很快${'，後來又變了'.repeat(1 + (i % 3))}。`;
    const lines = Array.from({ length: 3000 }, (_, i) => paragraph(i));
    const file = fixturePath(`long-${Date.now()}.txt`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      const editor = await vscode.window.showTextDocument(document);
      const api = vscode.extensions.getExtension<BilingualReaderApi>(EXTENSION_ID)!.exports;
      await vscode.commands.executeCommand('bilingualReader.openReader', document.uri);
      const panel = api.readerPanelFor(document.uri)!;
      const sent = new Set<number>();
      let outlined = 0;
      const collector = panel.onDidPostMessage((m) => {
        if (m.type === 'render' || m.type === 'blocks') {
          m.blocks.forEach((_, i) => sent.add(m.start + i));
        }
        if (m.type === 'render') {
          outlined = (m.outlines?.length ?? 0) / 4;
        }
      });
      try {
        await nextMessage(panel, isFinalRender);
        assert.strictEqual(outlined, 3000, 'every block has an outline');
        // The editor scrolls near the end: the panel follows and asks for the blocks it now shows.
        const target = 2800;
        const near = nextMessage(panel, (m): m is Blocks => m.type === 'blocks' && m.start <= target && m.start + m.blocks.length > target);
        editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
        const answer = await near;
        const block = answer.blocks[target - answer.start]!;
        assert.strictEqual(block.original, paragraph(target).trim());
        assert.strictEqual(block.converted, hk2cn(block.original));
        assert.ok(sent.size < 1500, `${sent.size} of 3000 blocks were rendered and sent`);
        assert.ok(!sent.has(1500), 'a block in the middle, never near the viewport, was not rendered');

        // An edit far from anything rendered reaches the panel too, rendered (it is short).
        const patched = nextMessage(panel, isPatch);
        await editor.edit((edit) => edit.insert(new vscode.Position(1500, 2), '新'));
        const patch = await patched;
        assert.deepStrictEqual([patch.start, patch.deleteCount, patch.outlines], [1500, 1, undefined]);
        assert.ok(patch.blocks[0]!.original.startsWith('新第1501段'), patch.blocks[0]!.original);

        // An edit that changes no block (a space between two Han characters, which the reflow leaves
        // out) still moves the panel to the new version, or its requests would be refused from then on.
        const empty = nextMessage(panel, isPatch);
        await editor.edit((edit) => edit.insert(new vscode.Position(2000, 10), ' '));
        const unchanged = await empty;
        assert.deepStrictEqual([unchanged.deleteCount, unchanged.blocks.length, unchanged.version], [0, 0, document.version]);
      } finally {
        collector.dispose();
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(file, { force: true });
    }
  });

  test('a long text shows its first screen before the rest is reflowed, and the outlines that follow go on from it (issue 13)', async () => {
    const paragraph = (i: number) => `\u3000\u3000第${i + 1}段：他說這裏的晶片發展很快${'，後來又變了'.repeat(1 + (i % 7))}。`;
    const lines = Array.from({ length: 9000 }, (_, i) => paragraph(i));
    const file = fixturePath(`long-text-${Date.now()}.txt`);
    fs.writeFileSync(file, lines.join('\n') + '\n');
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      assert.ok(document.getText().length > 300_000, 'a long text by its characters');
      await vscode.window.showTextDocument(document);
      const api = vscode.extensions.getExtension<BilingualReaderApi>(EXTENSION_ID)!.exports;
      const renders: Render[] = [];
      await vscode.commands.executeCommand('bilingualReader.openReader', document.uri);
      const panel = api.readerPanelFor(document.uri)!;
      const collector = panel.onDidPostMessage((m) => {
        if (m.type === 'render') {
          renders.push(m);
        }
      });
      try {
        await nextMessage(panel, isFinalRender);
      } finally {
        collector.dispose();
      }
      assert.ok(renders.length === 2, `${renders.length} render messages`);
      const [first, last] = renders as [Render, Render];
      assert.deepStrictEqual([first.start, first.done], [0, false]);
      assert.ok(first.blocks.length > 0 && first.blocks[0]!.original === paragraph(0).trim(), 'the first screen is rendered');
      const early = first.outlines!.length / 4;
      assert.ok(early > first.blocks.length && early < 9000, `${early} blocks outlined early`);
      assert.deepStrictEqual([last.start, last.done, last.start + last.outlines!.length / 4], [early, true, 9000]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      fs.rmSync(file, { force: true });
    }
  });
});

