import * as assert from 'assert';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { ReaderModel } from '../../src/core/reader/readerModel';
import { decodeOutlines, encodeOutlines } from '../../src/core/reader/renderedBlock';
import { reflow } from '../../src/core/reader/reflow';
import { reflowInSlices } from '../../src/core/reader/slicedReflow';
import { findInBlocks, MAX_MATCHES } from '../../src/core/reader/blockSearch';
import * as fs from 'fs';
import * as path from 'path';
import { referenceArticle } from './testData';

suite('reader model', () => {
  const hk2cn = new ChineseConverter().converterFor({ from: 'hk', to: 'cn' });
  const article = referenceArticle();

  function fullyRendered(text: string, showLineBreaks = false): ReaderModel {
    const model = new ReaderModel(hk2cn, showLineBreaks);
    model.reset(text);
    while (!model.renderNext(4096).done) {
      // chunk by chunk, as the panel does
    }
    return model;
  }

  test('renders in chunks that together are every block, converted', () => {
    const model = new ReaderModel(hk2cn, false);
    const total = model.reset(article);
    const chunks: number[] = [];
    for (;;) {
      const chunk = model.renderNext(1000);
      assert.strictEqual(chunk.start, chunks.reduce((a, b) => a + b, 0));
      chunks.push(chunk.blocks.length);
      if (chunk.done) {
        break;
      }
    }
    assert.ok(chunks.length > 3);
    assert.strictEqual(model.blocks.length, total);
    for (const block of model.blocks) {
      assert.strictEqual(block!.converted, hk2cn(block!.original));
    }
  });

  test('marks the changed characters of the conversion', () => {
    const model = fullyRendered('英偉達公司');
    assert.deepStrictEqual(model.blocks[0]!.changed, [[1, 3]]);
  });

  test('a one-character edit patches one block; the rest only move', () => {
    const model = fullyRendered(article);
    const blocks = model.blocks;
    const edited = article.replace('康京和表示', '康京和先生表示');
    const patch = model.update(edited);
    assert.strictEqual(patch.deleteCount, 1);
    assert.strictEqual(patch.blocks.length, 1);
    assert.ok(patch.blocks[0]!.converted.includes('康京和先生表示'));
    assert.strictEqual(patch.lineShift, 0);
    assert.strictEqual(model.blocks[patch.start + 1], blocks[patch.start + 1], 'later blocks are reused as they were');
  });

  test('inserting a line shifts the blocks after the edit', () => {
    const model = fullyRendered(article);
    const lines = article.split('\n');
    lines.splice(100, 0, '');
    const patch = model.update(lines.join('\n'));
    assert.strictEqual(patch.lineShift, 1);
    const last = model.blocks[model.blocks.length - 1]!;
    assert.strictEqual(last.startLine, 360);
  });

  test('no change, no patch', () => {
    const model = fullyRendered(article);
    const patch = model.update(article);
    assert.deepStrictEqual([patch.deleteCount, patch.blocks.length, patch.lineShift], [0, 0, 0]);
  });

  test('with original line breaks, blocks show their source lines, converted line by line', () => {
    const model = fullyRendered(article, true);
    const block = model.blocks.find((b) => b!.original.startsWith('康京和表示'))!;
    assert.strictEqual(block.original, '康京和表示，亞洲協會對中國數千年的文化積\n\n澱有着深刻了解，願繼續分享基於事實、客觀的\n對華認知，同更多美國有識之士一道，為消除誤\n解、促進理解搭建對話平台。');
    assert.strictEqual(block.converted, hk2cn(block.original));
  });

  suite('a long document, rendered where the panel asks', () => {
    /** A novel's worth of one-line paragraphs, indented as web novels are, with a term on every fifth. */
    const paragraph = (i: number) => `\u3000\u3000第${i + 1}段：他說${i % 5 === 0 ? '晶片' : '這裏'}的發展很快${'，後來又變了'.repeat(1 + (i % 3))}。`;
    const novel = Array.from({ length: 400 }, (_, i) => paragraph(i)).join('\n') + '\n';

    test('renders a range only, and knows every block by outline', () => {
      const model = new ReaderModel(hk2cn, false);
      const total = model.reset(novel);
      const range = model.renderRange(200, 205);
      assert.deepStrictEqual([range.start, range.blocks.length], [200, 5]);
      assert.strictEqual(range.blocks[0]!.original, paragraph(200).trim());
      assert.strictEqual(range.blocks[0]!.converted, hk2cn(range.blocks[0]!.original));
      assert.strictEqual(model.block(199), undefined);
      assert.strictEqual(model.complete, false);
      const outlines = model.outlines();
      assert.strictEqual(outlines.length, total);
      assert.deepStrictEqual(outlines[200], { kind: 'paragraph', startLine: 200, endLine: 200, length: range.blocks[0]!.original.length });
      assert.deepStrictEqual(decodeOutlines(encodeOutlines(outlines)), outlines);
    });

    test('a budget stops a range early; what is rendered stays rendered', () => {
      const model = new ReaderModel(hk2cn, false);
      model.reset(novel);
      const first = model.renderRange(0, 400, 100);
      assert.ok(first.blocks.length > 1 && first.blocks.length < 10, `${first.blocks.length} blocks`);
      const again = model.renderRange(0, 3);
      assert.strictEqual(again.blocks[0], first.blocks[0]);
    });

    test('an edit renders the edited block and keeps the others as they were (rendered or not)', () => {
      const model = new ReaderModel(hk2cn, false);
      model.reset(novel);
      model.renderRange(0, 3);
      const edited = novel.replace('第300段：他說這裏', '第300段：他說那裏');
      const patch = model.update(edited, undefined, true);
      assert.deepStrictEqual([patch.start, patch.deleteCount, patch.blocks.length, patch.outlines], [299, 1, 1, undefined]);
      assert.ok(patch.blocks[0]!.converted.includes('他说那里'));
      assert.ok(model.block(0) && model.block(299) && !model.block(298));
    });

    test('a long change in a long document patches by outline', () => {
      const model = new ReaderModel(hk2cn, false);
      model.reset(novel);
      model.renderRange(0, 2);
      const replaced = novel.replace(/這裏/g, '那裏'.repeat(200));
      const patch = model.update(replaced, undefined, true);
      assert.strictEqual(patch.blocks.length, 0);
      assert.strictEqual(patch.outlines?.length, patch.deleteCount);
      assert.ok(model.block(0), 'the first block did not change and stays rendered');
      assert.strictEqual(model.block(1), undefined, 'a changed block is rendered again only when asked');
      assert.ok(model.renderRange(1, 2).blocks[0]!.original.includes('那裏那裏'));
    });

    test('the converted column of a block not rendered is converted for a search', () => {
      const model = new ReaderModel(hk2cn, false);
      model.reset(novel);
      assert.strictEqual(model.columnText(5, 'converted'), hk2cn(paragraph(5).trim()));
      assert.strictEqual(model.block(5), undefined);
    });
  });

  suite('reflow in slices', () => {
    const pause = () => Promise.resolve(true);
    const fixtures = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reflow');
    const texts: [string, string][] = [
      ['the reference article', article],
      ...fs.readdirSync(fixtures).filter((f) => f.endsWith('.txt')).map((f): [string, string] => [f, fs.readFileSync(path.join(fixtures, f), 'utf8')]),
    ];
    for (const [name, text] of texts) {
      test(`equals one reflow of the whole text: ${name}`, async () => {
        for (const size of [97, 512, 2048]) {
          assert.deepStrictEqual(await reflowInSlices(text, pause, size), reflow(text), `slices of ${size}`);
        }
      });
    }

    test('gives up when asked to', async () => {
      let calls = 0;
      const result = await reflowInSlices(article, () => Promise.resolve(++calls < 2), 512);
      assert.strictEqual(result, undefined);
      assert.strictEqual(calls, 2);
    });
  });

  suite('search over blocks, rendered or not', () => {
    const go = () => Promise.resolve(true);
    const texts = [
      ['美國晶片出口', '美国芯片出口'],
      ['Nvidia 的 H20 晶片', 'Nvidia 的 H20 芯片'],
    ];
    const columnText = (i: number, column: 'original' | 'converted') => texts[i]![column === 'original' ? 0 : 1]!;

    test('finds in both columns, in document order, Latin letters in any case', async () => {
      assert.deepStrictEqual(await findInBlocks(2, columnText, '晶片', ['original', 'converted'], go), { matches: [0, 0, 2, 4, 1, 0, 13, 15], truncated: false });
      assert.deepStrictEqual(await findInBlocks(2, columnText, 'nVIDIA', ['converted'], go), { matches: [1, 1, 0, 6], truncated: false });
      assert.deepStrictEqual(await findInBlocks(2, columnText, 'H2.', ['original'], go), { matches: [], truncated: false }, 'the query is literal text');
    });

    test('stops at the most matches it counts, and gives up when asked to', async () => {
      const many = (i: number) => (i >= 0 ? '晶'.repeat(6000) : '');
      const found = await findInBlocks(3, many, '晶', ['original'], go);
      assert.deepStrictEqual([found!.matches.length / 4, found!.truncated], [MAX_MATCHES, true]);
      const long = () => '晶'.repeat(200_000);
      assert.strictEqual(await findInBlocks(3, long, '片', ['original'], () => Promise.resolve(false)), undefined);
    });
  });
});

