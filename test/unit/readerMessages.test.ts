import * as assert from 'assert';
import { decodeOutlines, encodeOutlines, parseFromWebviewMessage, parseToWebviewMessage } from '../../src/protocol/readerMessages';

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

  test('a long document’s messages: block requests, searches, outlines and their answers (issue 13)', () => {
    assert.deepStrictEqual(parseFromWebviewMessage({ type: 'requestBlocks', source, version: 2, start: 10, end: 40 }, source), {
      type: 'requestBlocks',
      source,
      version: 2,
      start: 10,
      end: 40,
    });
    assert.deepStrictEqual(parseFromWebviewMessage({ type: 'find', source, id: 1, version: 2, query: '晶片', columns: ['converted'] }, source), {
      type: 'find',
      source,
      id: 1,
      version: 2,
      query: '晶片',
      columns: ['converted'],
    });
    for (const message of [
      { type: 'requestBlocks', source, version: 2, start: 40, end: 10 },
      { type: 'requestBlocks', source, version: 2, start: -1, end: 10 },
      { type: 'find', source, id: 1, version: 2, query: '晶片', columns: [] },
      { type: 'find', source, id: 1, version: 2, query: '晶片', columns: ['notes'] },
      { type: 'find', source, id: 1, version: 2, query: 'x'.repeat(1001), columns: ['original'] },
    ]) {
      assert.strictEqual(parseFromWebviewMessage(message, source), undefined, JSON.stringify(message));
    }
    assert.ok(parseToWebviewMessage({ type: 'findResult', source, id: 1, version: 2, matches: [0, 1, 3, 5], truncated: false }, source));
    assert.strictEqual(parseToWebviewMessage({ type: 'findResult', source, id: 1, version: 2, matches: [0, 1, 3], truncated: false }, source), undefined);
    assert.strictEqual(parseToWebviewMessage({ type: 'patch', source, start: 0, blocks: [], outlines: ['x'] }, source), undefined);
    assert.strictEqual(parseToWebviewMessage({ type: 'blocks', source, version: 1, start: 0, blocks: [{ original: 1 }], cards: {} }, source), undefined);
  });

  test('the translation column’s messages: pages, saves, help, and refusals of bad ones (issue 14)', () => {
    assert.deepStrictEqual(parseFromWebviewMessage({ type: 'requestSegments', source, line: 12 }, source), { type: 'requestSegments', source, line: 12 });
    assert.deepStrictEqual(parseFromWebviewMessage({ type: 'requestSegments', source, start: 100 }, source), { type: 'requestSegments', source, start: 100 });
    assert.strictEqual(parseFromWebviewMessage({ type: 'requestSegments', source, start: -1 }, source), undefined);
    const translate = { type: 'translate', source, index: 2, sentence: '美國收緊出口管制。', text: 'The US tightened export controls.', state: 'translated' };
    assert.deepStrictEqual(parseFromWebviewMessage(translate, source), translate);
    assert.strictEqual(parseFromWebviewMessage({ ...translate, state: 'final' }, source), undefined);
    assert.strictEqual(parseFromWebviewMessage({ ...translate, index: 1.5 }, source), undefined);
    assert.strictEqual(parseFromWebviewMessage({ ...translate, text: 'x'.repeat(100_001) }, source), undefined);
    assert.deepStrictEqual(parseFromWebviewMessage({ type: 'requestSegmentHelp', source, index: 0, sentence: '句。' }, source), { type: 'requestSegmentHelp', source, index: 0, sentence: '句。' });
    assert.deepStrictEqual(parseFromWebviewMessage({ type: 'setOptions', source, options: { layout: 'translation' } }, source), { type: 'setOptions', source, options: { layout: 'translation' } });
    const item = { index: 0, block: 0, sentence: '句。', target: '', state: 'initial', sourceChanged: false, line: 0, checks: [] };
    const page = { type: 'segments', source, start: 0, total: 1, items: [item], progress: { segments: 1, done: 0, begun: 0, characters: 1, doneCharacters: 0 }, orphans: [], orphanCount: 0 };
    assert.deepStrictEqual(parseToWebviewMessage(page, source), page);
    assert.strictEqual(parseToWebviewMessage({ ...page, items: [{ ...item, state: 'done' }] }, source), undefined);
    const refused = { type: 'segmentNotSaved', source, index: 3, sentence: '句。', text: 'A sentence.' };
    assert.deepStrictEqual(parseToWebviewMessage(refused, source), refused);
    assert.strictEqual(parseToWebviewMessage({ type: 'segmentNotSaved', source, index: 3 }, source), undefined);
    assert.strictEqual(parseFromWebviewMessage({ type: 'requestSegments', source, start: 1.5 }, source), undefined);
  });

  test('outlines survive their encoding, and a broken one is refused', () => {
    const outlines = [
      { kind: 'headline' as const, startLine: 0, endLine: 0, length: 12 },
      { kind: 'paragraph' as const, startLine: 2, endLine: 5, length: 300 },
    ];
    assert.deepStrictEqual(encodeOutlines(outlines), [1, 0, 0, 12, 0, 2, 5, 300]);
    assert.deepStrictEqual(decodeOutlines(encodeOutlines(outlines)), outlines);
    assert.throws(() => decodeOutlines([0, 1, 2]), RangeError);
    assert.throws(() => decodeOutlines([9, 1, 2, 3]), RangeError);
    assert.throws(() => decodeOutlines([0, 1.5, 2, 3]), RangeError);
  });
});

