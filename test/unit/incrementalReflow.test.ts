import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { reflowIncrementally } from '../../src/core/reader/incrementalReflow';
import { reflow } from '../../src/core/reader/reflow';
import { referenceArticle } from './testData';

suite('incremental reflow', () => {
  const article = referenceArticle();
  const blocks = reflow(article);

  test('property: after any edit it equals a full reflow of the new text', () => {
    const pieces = fc.constantFrom('漢', '。', '\n', '\n\n', '●', '●●', ' ', 'Deep-', '英偉達損失', '」', '，', '');
    const edit = fc.record({
      at: fc.nat({ max: article.length }),
      remove: fc.nat({ max: 40 }),
      insert: fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')),
    });
    fc.assert(
      fc.property(edit, ({ at, remove, insert }) => {
        const text = article.slice(0, at) + insert + article.slice(Math.min(article.length, at + remove));
        assert.deepStrictEqual(reflowIncrementally(blocks, article, text), reflow(text));
      }),
      { numRuns: 1500 },
    );
  });

  test('property: a sequence of edits stays equal to a full reflow', () => {
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 10 }), insert: fc.constantFrom('漢', '\n', '。\n', '', '●新') });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 15 }), (edits) => {
        let text = article;
        let current = blocks;
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          const next = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
          current = reflowIncrementally(current, text, next);
          text = next;
        }
        assert.deepStrictEqual(current, reflow(text));
      }),
      { numRuns: 200 },
    );
  });

  test('property: edits around captions set inside paragraphs (other layouts) equal a full reflow', () => {
    const folder = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'reflow');
    const texts = ['orientaldaily-2022-12-24-chip-industry.zh-Hant-HK.txt', 'ltn-2025-09-17-export-entity-list.zh-Hant-TW.txt'].map((f) =>
      fs.readFileSync(path.join(folder, f), 'utf8'),
    );
    assert.ok(texts.every((t) => reflow(t).some((b, i, all) => i > 0 && b.startLine < all[i - 1]!.endLine)), 'each text has a caption inside a paragraph');
    const pieces = fc.constantFrom('漢', '。', '\n', '\n\n', '●', '圖：', ' ', '」', '，', '');
    const edit = fc.record({
      text: fc.nat({ max: texts.length - 1 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.nat({ max: 30 }),
      insert: fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')),
    });
    fc.assert(
      fc.property(edit, ({ text: which, at, remove, insert }) => {
        const source = texts[which]!;
        const offset = Math.floor(at * source.length);
        const text = source.slice(0, offset) + insert + source.slice(Math.min(source.length, offset + remove));
        assert.deepStrictEqual(reflowIncrementally(reflow(source), source, text), reflow(text));
      }),
      { numRuns: 1500 },
    );
  });

  test('blocks away from the edit are the same objects, or moved copies', () => {
    const text = article.replace('康京和表示', '康京和先生表示');
    const next = reflowIncrementally(blocks, article, text);
    assert.strictEqual(next[0], blocks[0]);
    assert.strictEqual(next[next.length - 1]!.text, blocks[blocks.length - 1]!.text);
  });
});
