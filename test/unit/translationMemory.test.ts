import * as assert from 'assert';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { reflow } from '../../src/core/reader/reflow';
import { articleSegments } from '../../src/core/translation/segmentTranslations';
import { TranslationMemory } from '../../src/core/translation/translationMemory';
import { referenceArticle } from './testData';

suite('translation memory (issue 14)', () => {
  const toSimplified = new ChineseConverter().converterFor({ from: 'hk', to: 'cn' });

  test('an exact match first, then fuzzy ones by similarity, none below 70%, with the differences', () => {
    const memory = new TranslationMemory();
    memory.add([
      { source: '英偉達股價下跌。', target: 'Nvidia shares fell.', origin: 'a' },
      { source: '英偉達股價上升。', target: 'Nvidia shares rose.', origin: 'a' },
      { source: '天氣很好。', target: 'The weather is fine.', origin: 'a' },
      { source: '', target: 'skipped', origin: 'a' },
    ]);
    assert.strictEqual(memory.size, 3);
    const matches = memory.lookup('英偉達股價下跌。');
    assert.deepStrictEqual(matches.map((m) => [m.unit.target, Math.round(m.similarity * 100)]), [
      ['Nvidia shares fell.', 100],
      ['Nvidia shares rose.', 75],
    ]);
    assert.deepStrictEqual(matches[1]!.differences, [
      [0, '英偉達股價'],
      [-1, '上升'],
      [1, '下跌'],
      [0, '。'],
    ]);
    assert.deepStrictEqual(memory.lookup('美國商務部表示。'), []);
  });

  test('a Simplified sentence finds the unit made on Traditional text', () => {
    const memory = new TranslationMemory(toSimplified);
    memory.add([{ source: '美國商務部收緊對華晶片出口管制。', target: 'The US Commerce Department tightened chip export controls on China.', origin: 'tm.tmx' }]);
    const [match] = memory.lookup('美国商务部收紧对华晶片出口管制。');
    assert.strictEqual(match?.similarity, 1);
  });

  test('over the reference article’s sentences, each finds itself first', () => {
    const memory = new TranslationMemory(toSimplified);
    const sentences = articleSegments(reflow(referenceArticle())).map((s) => s.source);
    memory.add(sentences.map((source, i) => ({ source, target: `T${i}`, origin: 'article' })));
    for (const source of sentences) {
      const first = memory.lookup(source, 1)[0];
      assert.strictEqual(first?.similarity, 1, source);
      assert.strictEqual(sentences[Number(first.unit.target.slice(1))], source);
    }
  });
});
