import * as assert from 'assert';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { PhraseOverrides } from '../../src/core/conversion/phraseOverrides';

suite('phrase overrides', () => {
  const converter = new ChineseConverter();
  const hk2cn = { from: 'hk', to: 'cn' } as const;

  test('protected phrases are left as written', () => {
    const overrides = new PhraseOverrides({ protectedPhrases: ['東涌'] });
    assert.strictEqual(converter.convert('東涌站在東區', hk2cn, overrides), '東涌站在东区');
  });

  test('mappings replace OpenCC for chosen words', () => {
    const overrides = new PhraseOverrides({ mappings: { 英偉達: '輝達' } });
    assert.strictEqual(converter.convert('英偉達公司', hk2cn, overrides), '輝達公司');
  });

  test('the longest phrase wins at the same position; a mapping wins over protecting the same phrase', () => {
    const overrides = new PhraseOverrides({ protectedPhrases: ['實體', '實體清單'], mappings: { 實體: '实在' } });
    assert.strictEqual(converter.convert('實體清單與實體', hk2cn, overrides), '實體清單与实在');
  });

  test('phrases with regular-expression characters are literal', () => {
    const overrides = new PhraseOverrides({ protectedPhrases: ['(漢)', 'a.b'] });
    assert.strictEqual(converter.convert('(漢)漢axb', hk2cn, overrides), '(漢)汉axb');
  });

  test('text that already holds private-use characters is converted piece by piece, with the same result', () => {
    const overrides = new PhraseOverrides({ protectedPhrases: ['東涌'], mappings: { 英偉達: '輝達' } });
    assert.strictEqual(converter.convert('\ue000東涌英偉達漢\ue001', hk2cn, overrides), '\ue000東涌輝達汉\ue001');
  });

  test('a protected phrase cuts segmentation as converting the pieces apart would', () => {
    const overrides = new PhraseOverrides({ protectedPhrases: ['記'] });
    const twp = { from: 'twp', to: 'cn' } as const;
    // 記憶體 → 内存 as a phrase; with 記 protected, 憶體 is converted on its own.
    assert.strictEqual(converter.convert('記憶體', twp, overrides), '記' + converter.convert('憶體', twp));
  });

  test('no overrides: the converter itself is used', () => {
    const convert = (s: string) => s.toUpperCase();
    assert.strictEqual(PhraseOverrides.none.wrap(convert), convert);
    assert.ok(new PhraseOverrides({ protectedPhrases: [''] }).isEmpty);
  });
});
