import * as assert from 'assert';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { directionMappings, withDirectionMappings, ZHU_WORDS } from '../../src/core/conversion/directionRules';
import type { Direction } from '../../src/core/conversion/locales';
import { PhraseOverrides } from '../../src/core/conversion/phraseOverrides';
import { builtinEntries } from '../../src/core/glossary/builtinGlossary';

const converter = new ChineseConverter();
const entries = builtinEntries('Built-in glossary');

/** A conversion as the extension makes it: OpenCC under the direction's mappings and the user's phrases. */
function convert(text: string, direction: Direction, user: { protectedPhrases?: string[]; mappings?: Record<string, string> } = {}): string {
  const opencc = converter.converterFor(direction);
  return new PhraseOverrides(withDirectionMappings(user, directionMappings(direction, entries, opencc))).wrap(opencc)(text);
}

suite('direction rules', () => {
  test('the glossary’s script forms win over OpenCC’s, both ways (昇騰 ↔ 昇腾, 王玨 ↔ 王珏)', () => {
    assert.strictEqual(converter.convert('華為昇騰芯片', { from: 'hk', to: 'cn' }), '华为升腾芯片', 'plain OpenCC');
    assert.strictEqual(convert('華為昇騰芯片', { from: 'hk', to: 'cn' }), '华为昇腾芯片');
    assert.strictEqual(convert('华为昇腾芯片', { from: 'cn', to: 'hk' }), '華為昇騰芯片');
    assert.strictEqual(convert('華為昇騰芯片', { from: 'tw', to: 'cn' }), '华为昇腾芯片');
    assert.strictEqual(convert('华为昇腾芯片', { from: 'cn', to: 'tw' }), converter.convert('华为昇腾芯片', { from: 'cn', to: 'tw' }), 'not to Taiwan');
    assert.strictEqual(convert('王玨', { from: 'hk', to: 'cn' }), '王珏');
  });

  test('regional vocabulary is left to OpenCC: only same-length script forms map', () => {
    const mappings = directionMappings({ from: 'cn', to: 'hk' }, [{ traditional: '晶片', simplified: '芯片' }, { traditional: '記憶體', simplified: '内存' }], (t) => t);
    assert.deepStrictEqual(mappings, { 芯片: '晶片' }, 'same length maps; 記憶體/内存 does not');
    assert.deepStrictEqual(directionMappings({ from: 'hk', to: 'tw' }, entries, (t) => t), {}, 'Traditional to Traditional adds nothing');
    // Glossaries give Hong Kong's Traditional: not a Taiwan target (软件 is 軟體 there, 軟件 in Hong Kong),
    assert.deepStrictEqual(directionMappings({ from: 'cn', to: 'twp' }, entries, (t) => t), {});
    assert.strictEqual(convert('滑鼠和软件', { from: 'cn', to: 'twp' }), '滑鼠和軟體');
    // and Taiwan-phrases to Simplified keeps its own vocabulary.
    assert.deepStrictEqual(directionMappings({ from: 'twp', to: 'cn' }, entries, (t) => t), {});
  });

  test('Hong Kong 著 becomes 着, but not where it means to write or notable', () => {
    const hk = { from: 'hk', to: 'cn' } as const;
    assert.strictEqual(convert('看著他，隨著時間，意味著，面臨著，著陸', hk), '看着他，随着时间，意味着，面临着，着陆');
    assert.strictEqual(convert('原著、編著、名著、著名、顯著、土著、著作權', hk), '原著、编著、名著、著名、显著、土著、著作权');
    assert.ok(ZHU_WORDS.every((word) => convert(word, hk).includes('著')), 'every listed word keeps 著');
    const tw = { from: 'tw', to: 'cn' } as const;
    assert.strictEqual(convert('原著，看著', tw), converter.convert('原著，看著', tw), 'Taiwan text is left as OpenCC converts it');
  });

  test('the user’s phrases take precedence over the direction’s mappings', () => {
    assert.strictEqual(convert('昇騰', { from: 'hk', to: 'cn' }, { protectedPhrases: ['昇騰'] }), '昇騰');
    assert.strictEqual(convert('看著', { from: 'hk', to: 'cn' }, { mappings: { 著: '著' } }), '看著');
  });
});
