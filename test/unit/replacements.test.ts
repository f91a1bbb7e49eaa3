import * as assert from 'assert';
import fc from 'fast-check';
import { applyReplacements, diffReplacements } from '../../src/core/conversion/replacements';

function isInsideSurrogatePair(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && code >= 0xdc00 && code <= 0xdfff;
}

suite('diffReplacements', () => {
  test('same length: one replacement per run of changed characters', () => {
    assert.deepStrictEqual(diffReplacements('英偉達 Nvidia 黃仁勳', '英伟达 Nvidia 黄仁勋'), [
      { start: 1, end: 3, text: '伟达' },
      { start: 11, end: 12, text: '黄' },
      { start: 13, end: 14, text: '勋' },
    ]);
  });

  test('offsets are shifted by the given base', () => {
    assert.deepStrictEqual(diffReplacements('漢', '汉', 10), [{ start: 10, end: 11, text: '汉' }]);
  });

  test('identical text needs no replacement', () => {
    assert.deepStrictEqual(diffReplacements('不變', '不變'), []);
  });

  test('a phrase that changes length is replaced as a span', () => {
    const original = '電腦的記憶體不足';
    const converted = '电脑的内存不足';
    const replacements = diffReplacements(original, converted);
    assert.strictEqual(applyReplacements(original, replacements), converted);
    assert.ok(replacements.every((r) => !original.slice(r.start, r.end).includes('不足')));
  });

  test('never splits a surrogate pair when only its low half differs', () => {
    // U+20BB7 and U+20BB6 share their high surrogate.
    const replacements = diffReplacements('a𠮷b', 'a𠮶b');
    assert.deepStrictEqual(replacements, [{ start: 1, end: 3, text: '𠮶' }]);
  });

  test('property: applying the replacements gives the converted text, on code-point boundaries', () => {
    const alphabet = fc.constantFrom('漢', '汉', '體', '体', 'a', ' ', '𠮷', '𠮶', '𩸽', '😀', '記憶體', '内存');
    const text = fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, text, (original, converted) => {
        const replacements = diffReplacements(original, converted);
        assert.strictEqual(applyReplacements(original, replacements), converted);
        for (const r of replacements) {
          assert.ok(!isInsideSurrogatePair(original, r.start) && !isInsideSurrogatePair(original, r.end));
        }
        for (let i = 1; i < replacements.length; i++) {
          assert.ok(replacements[i - 1]!.end <= replacements[i]!.start, 'sorted and non-overlapping');
        }
      }),
      { numRuns: 2000 },
    );
  });
});
