import * as assert from 'assert';
import fc from 'fast-check';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { OffsetMap } from '../../src/core/reader/offsetMap';

suite('offset map between a text and its conversion', () => {
  const converter = new ChineseConverter();

  test('phrase conversions that change length map both ways (tw2sp 記憶體 → 内存)', () => {
    const original = '電腦的記憶體不足，請聯絡執行長';
    const converted = converter.convert(original, { from: 'twp', to: 'cn' });
    assert.strictEqual(converted, '电脑的内存不足，请联系首席执行官');
    const map = OffsetMap.between(original, converted);
    const at = (text: string, needle: string) => text.indexOf(needle);
    assert.strictEqual(map.toConverted(at(original, '不足')), at(converted, '不足'));
    assert.strictEqual(map.toOriginal(at(converted, '不足')), at(original, '不足'));
    assert.strictEqual(map.toOriginal(at(converted, '内存')), at(original, '記憶體'));
    assert.strictEqual(map.toOriginal(converted.length), original.length);
  });

  test('same-length conversions map offsets to themselves', () => {
    const original = '英偉達公司總裁黃仁勳';
    const map = OffsetMap.between(original, converter.convert(original, { from: 'hk', to: 'cn' }));
    for (let i = 0; i <= original.length; i++) {
      assert.strictEqual(map.toConverted(i), i);
      assert.strictEqual(map.toOriginal(i), i);
    }
  });

  test('property: mapping is monotonic and stays within both texts', () => {
    const alphabet = fc.constantFrom('記憶體', '内存', '軟體', '软件', '漢', '汉', 'a', '，', '𠮷');
    const text = fc.array(alphabet, { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, (original, converted) => {
        const map = OffsetMap.between(original, converted);
        let previous = 0;
        for (let i = 0; i <= converted.length; i++) {
          const o = map.toOriginal(i);
          assert.ok(o >= previous && o <= original.length);
          previous = o;
        }
        assert.strictEqual(map.toOriginal(converted.length), original.length);
        assert.strictEqual(map.toConverted(original.length), converted.length);
      }),
      { numRuns: 1000 },
    );
  });
});
