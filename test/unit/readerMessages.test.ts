import * as assert from 'assert';
import { parseFromWebviewMessage, parseToWebviewMessage } from '../../src/protocol/readerMessages';

suite('reader message protocol', () => {
  const source = 'file:///article.txt';

  test('accepts well-formed messages about its own document', () => {
    assert.deepStrictEqual(parseFromWebviewMessage({ type: 'revealLine', source, line: 3 }, source), {
      type: 'revealLine',
      source,
      line: 3,
    });
    assert.deepStrictEqual(parseFromWebviewMessage({ type: 'setOptions', source, options: { layout: 'interlinear' } }, source), {
      type: 'setOptions',
      source,
      options: { layout: 'interlinear' },
    });
    assert.ok(parseToWebviewMessage({ type: 'scrollToLine', source, line: 10.5 }, source));
  });

  test('accepts the reading systems the panel knows; tone colours are the setting’s alone', () => {
    for (const readings of ['pinyin', 'jyutping', 'zhuyin', 'pinyin+jyutping']) {
      assert.deepStrictEqual(parseFromWebviewMessage({ type: 'setOptions', source, options: { readings } }, source), {
        type: 'setOptions',
        source,
        options: { readings },
      });
    }
    assert.strictEqual(parseFromWebviewMessage({ type: 'setOptions', source, options: { toneColors: 'pleco' } }, source), undefined);
  });

  test('a dictionary lookup and its answer keep their shape', () => {
    const lookup = { type: 'lookup', source, id: 3, version: 2, block: 5, column: 'converted', offset: 17 };
    assert.deepStrictEqual(parseFromWebviewMessage(lookup, source), lookup);
    assert.strictEqual(parseFromWebviewMessage({ ...lookup, column: 'both' }, source), undefined);
    assert.strictEqual(parseFromWebviewMessage({ ...lookup, offset: -1 }, source), undefined);
    const result = { type: 'lookupResult', source, id: 3, block: 5, column: 'converted', start: 17, end: 19, cards: [] };
    assert.deepStrictEqual(parseToWebviewMessage(result, source), result);
    assert.strictEqual(parseToWebviewMessage({ ...result, cards: 'none' }, source), undefined);
    assert.strictEqual(parseToWebviewMessage({ ...result, column: 'both' }, source), undefined);
    assert.strictEqual(parseToWebviewMessage({ ...result, cards: [{ term: '好' }] }, source), undefined, 'a card without its meanings');
  });

  test('ignores messages about another document', () => {
    assert.strictEqual(parseFromWebviewMessage({ type: 'ready', source: 'file:///other.txt' }, source), undefined);
    assert.strictEqual(parseToWebviewMessage({ type: 'scrollToLine', source: 'file:///other.txt', line: 1 }, source), undefined);
  });

  test('ignores messages of unknown shape', () => {
    for (const message of [
      null,
      'ready',
      { type: 'evil', source },
      { type: 'revealLine', source, line: -1 },
      { type: 'revealLine', source, line: 'x' },
      { type: 'setOptions', source, options: { layout: 'sideways' } },
      { type: 'setOptions', source, options: { markChanges: 'yes' } },
      { type: 'setOptions', source, options: { readings: 'wade-giles' } },
      { type: 'setOptions', source, options: { readings: 1 } },
      { type: 'setOptions', source, options: { toneColors: 'rainbow' } },
    ]) {
      assert.strictEqual(parseFromWebviewMessage(message, source), undefined, JSON.stringify(message));
    }
    assert.strictEqual(parseToWebviewMessage({ type: 'render', source, blocks: [{ original: 1 }], options: {} }, source), undefined);
  });
});
