import * as assert from 'assert';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { convertInChunks, convertLines } from '../../src/core/conversion/chunkedConversion';
import { acrossLineBreaks, splitsWord } from '../../src/core/conversion/lineBreaks';
import type { Direction } from '../../src/core/conversion/locales';
import { PhraseOverrides } from '../../src/core/conversion/phraseOverrides';

const toHK: Direction = { from: 'cn', to: 'hk' };

suite('Segmented conversion', () => {
  const converter = new ChineseConverter();

  // The faults a new user met with opencc-js (issue 10): a phrase taken across a word boundary.
  const cases: [string, string, string][] = [
    ['被发明', '被髮明', '被發明'],
    ['展示了如何', '展示瞭如何', '展示了如何'],
    ['在华发展', '在華髮展', '在華發展'],
    ['五分之一出席', '五分之一齣席', '五分之一出席'],
  ];
  for (const [input, plain, segmented] of cases) {
    test(`${input}: ${plain} without segmentation, ${segmented} with it`, () => {
      assert.strictEqual(converter.convert(input, toHK), plain);
      assert.strictEqual(converter.convert(input, toHK, PhraseOverrides.none, 'jieba'), segmented);
    });
  }

  test('a phrase still joins whole words jieba does not know (臊子|面 → 臊子麪)', () => {
    assert.strictEqual(converter.convert('一碗臊子面', toHK, PhraseOverrides.none, 'jieba'), '一碗臊子麪');
  });

  test('Traditional → Simplified is never segmented', () => {
    const direction: Direction = { from: 'hk', to: 'cn' };
    assert.strictEqual(converter.converterFor(direction, PhraseOverrides.none, 'jieba'), converter.converterFor(direction));
  });

  test('protected phrases and mappings still take precedence', () => {
    const overrides = new PhraseOverrides({ protectedPhrases: ['发明'], mappings: { 在华: '在中國' } });
    assert.strictEqual(converter.convert('被发明，在华发展', toHK, overrides, 'jieba'), '被发明，在中國發展');
  });

  test('text without Han characters, surrogate pairs and empty text pass through', () => {
    const convert = converter.converterFor(toHK, PhraseOverrides.none, 'jieba');
    assert.strictEqual(convert(''), '');
    assert.strictEqual(convert('Nvidia H20, 50%'), 'Nvidia H20, 50%');
    assert.strictEqual(convert('𠮷野家的头发'), '𠮷野家的頭髮');
  });
});

suite('Conversion across line breaks', () => {
  const converter = new ChineseConverter();
  const plain = converter.converterFor(toHK);

  test('a word split by a line break converts as one word, and the break stays where it was', () => {
    assert.strictEqual(plain('头\n发'), '頭\n發', 'converted line by line, the halves are two words');
    assert.strictEqual(convertLines('头\n发', plain).text, '頭\n髮');
    assert.strictEqual(convertLines('他的头\r\n发很长', plain).text, '他的頭\r\n髮很長');
  });

  test('minimal edits stay minimal: one replacement per changed character, on its own line', () => {
    const result = convertLines('剪头\n发', plain);
    assert.deepStrictEqual(
      result.replacements.map((r) => [r.start, r.end, r.text]),
      [
        [1, 2, '頭'],
        [3, 4, '髮'],
      ],
    );
  });

  test('only breaks between Han characters join; others keep lines apart', () => {
    assert.ok(splitsWord('头\n发', 1));
    assert.ok(splitsWord('头\r\n发', 2));
    assert.ok(!splitsWord('头。\n发', 2));
    assert.ok(!splitsWord('H20\n发', 3));
    assert.ok(splitsWord('𠮷\n发', 2), 'a Han character outside the BMP counts');
  });

  test('a break goes back where its offset falls when other words change length', () => {
    const twp = converter.converterFor({ from: 'cn', to: 'twp' });
    // 代码 → 程式碼 lengthens, 卡塔尔 → 卡達 shortens: the total stays, the offsets between move.
    assert.strictEqual(acrossLineBreaks(twp)('代码在\n卡塔尔'), '程式碼在\n卡達');
  });

  test('a break inside a word whose conversion changes length keeps its paragraph’s breaks in place; the others still join', () => {
    const twp = converter.converterFor({ from: 'cn', to: 'twp' });
    // 元数据 → 後設資料 across the break has no place for it; the second paragraph still joins 头⏎发.
    const text = '元数\n据\n\n剪头\n发';
    const converted = acrossLineBreaks(twp)(text);
    assert.strictEqual(converted.split('\n').length, text.split('\n').length);
    assert.ok(converted.endsWith('剪頭\n髮'), converted);
  });

  test('a break after a character that converts to one outside the BMP stays after it', () => {
    // 㓆 → 𠗣 (two UTF-16 units): the break moves one unit on, never between the surrogates.
    assert.strictEqual(acrossLineBreaks(plain)('甲㓆\n乙𫗧'), '甲𠗣\n乙餗');
  });

  test('a chunk never ends inside a word broken over two lines', async () => {
    const text = `${'一'.repeat(10)}头\n发${'二'.repeat(10)}`;
    const result = await convertInChunks(text, plain, { chunkSize: 8 });
    assert.strictEqual(result?.text, `${'一'.repeat(10)}頭\n髮${'二'.repeat(10)}`);
  });
});
