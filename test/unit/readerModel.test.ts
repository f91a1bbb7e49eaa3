import * as assert from 'assert';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { ReaderModel } from '../../src/core/reader/readerModel';
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
      assert.strictEqual(block.converted, hk2cn(block.original));
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
    const block = model.blocks.find((b) => b.original.startsWith('康京和表示'))!;
    assert.strictEqual(block.original, '康京和表示，亞洲協會對中國數千年的文化積\n\n澱有着深刻了解，願繼續分享基於事實、客觀的\n對華認知，同更多美國有識之士一道，為消除誤\n解、促進理解搭建對話平台。');
    assert.strictEqual(block.converted, hk2cn(block.original));
  });
});
