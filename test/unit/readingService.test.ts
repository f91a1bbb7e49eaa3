import * as assert from 'assert';
import type { Direction } from '../../src/core/conversion/locales';
import { carryReadings, readColumns } from '../../src/core/readings/columnReadings';
import { pinyinSyllableToZhuyin, splitWordPinyin } from '../../src/core/readings/pinyinSyllables';
import { toneOf } from '../../src/core/readings/readingSystem';
import { segmentRun } from '../../src/core/readings/wordSegmentation';
import { productReaders } from './readingKey';

/** Pinyin of `text` as the reader shows it over the original column, syllables joined by spaces. */
function pinyinOf(text: string, direction: Direction = { from: 'hk', to: 'cn' }): string {
  const { converter, service, matcher, dictionary } = productReaders();
  const converted = converter.convert(text, direction);
  const { original } = readColumns(service, { original: text, converted, direction }, { system: 'pinyin', matcher, dictionary });
  return [...original.values()].map((r) => r[0]!.toLowerCase()).join(' ');
}

/** Texts and the pinyin the reader must show over them; every difference is reported at once. */
function expectReadings(cases: readonly (readonly [text: string, pinyin: string, direction?: Direction])[]): void {
  const wrong = cases.filter(([text, pinyin, direction]) => pinyinOf(text, direction) !== pinyin).map(([text, pinyin, direction]) => `${text}: ${pinyinOf(text, direction)} (expected ${pinyin})`);
  assert.deepStrictEqual(wrong, []);
}

suite('reading service', () => {
  test('known words decide: the glossary over pinyin-pro (華為 Huáwéi, as its card says)', () => {
    expectReadings([
      ['華為', 'huá wéi'],
      ['美國對華為的封鎖', 'měi guó duì huá wéi de fēng suǒ'],
    ]);
  });

  test('CC-CEDICT words, cut by bidirectional maximum matching, fix pinyin-pro’s readings', () => {
    expectReadings([
      ['不當域外適用', 'bù dàng yù wài shì yòng'],
      ['倒逼中國', 'dào bī zhōng guó'],
      ['全球半導體產供鏈穩定', 'quán qiú bàn dǎo tǐ chǎn gōng liàn wěn dìng'],
      ['關注美方措施執行情況', 'guān zhù měi fāng cuò shī zhí xíng qíng kuàng'],
      ['商務部與外交部分別發聲', 'shāng wù bù yǔ wài jiāo bù fēn bié fā shēng'],
      ['因為這不僅沒有', 'yīn wèi zhè bù jǐn méi yǒu'],
    ]);
  });

  test('context rules for lone polyphones (正當, 為, 得, 只, 應, 量, 過)', () => {
    expectReadings([
      ['維護自身正當權益', 'wéi hù zì shēn zhèng dàng quán yì'],
      ['正當談判之際', 'zhèng dāng tán pàn zhī jì'],
      ['以美國為代表', 'yǐ měi guó wéi dài biǎo'],
      ['此舉是為防止', 'cǐ jǔ shì wèi fáng zhǐ'],
      ['做得非常出色', 'zuò de fēi cháng chū sè'],
      ['禁令只會幫助', 'jìn lìng zhǐ huì bāng zhù'],
      ['两只猫', 'liǎng zhī māo', { from: 'cn', to: 'hk' }],
      ['中美應首先', 'zhōng měi yīng shǒu xiān'],
      ['项目280多个', 'xiàng mù duō gè', { from: 'cn', to: 'hk' }],
    ]);
  });

  test('the Traditional character the author wrote keeps its own reading (幹 gàn, 髮 fà, 乾 gān)', () => {
    expectReadings([
      ['幹得好', 'gàn de hǎo'],
      ['剪了髮', 'jiǎn le fà'],
      ['衣服還沒乾', 'yī fu hái méi gān'],
    ]);
  });

  test('readings are carried onto the converted column through the offset map', () => {
    const { converter, service, matcher, dictionary } = productReaders();
    const original = '他是銀行行長，幹得好。';
    const direction = { from: 'hk', to: 'cn' } as const;
    const converted = converter.convert(original, direction);
    const columns = readColumns(service, { original, converted, direction }, { system: 'pinyin', matcher, dictionary });
    assert.strictEqual(converted, '他是银行行长，干得好。');
    assert.deepStrictEqual([...columns.converted.entries()], [...columns.original.entries()]);
    assert.strictEqual(columns.converted.get(5)![0], 'zhǎng');
    assert.strictEqual(columns.converted.get(7)![0], 'gàn');
    // A conversion that changes length (tw2sp 記憶體 → 内存) carries nothing into the rewritten word,
    const carried = carryReadings(new Map([[0, ['jì']], [3, ['hěn']]]), '記憶體很', '内存很');
    assert.deepStrictEqual([...carried.entries()], [[2, ['hěn']]]);
    // which is read in the converted text itself.
    const tw = { from: 'tw', to: 'cn' } as const;
    const rewritten = readColumns(service, { original: '記憶體很貴', converted: '内存很贵', direction: tw }, { system: 'pinyin', matcher, dictionary });
    assert.deepStrictEqual([...rewritten.converted.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r[0]), ['nèi', 'cún', 'hěn', 'guì']);
  });

  test('characters outside the BMP take two offsets and one reading; one with no known reading gets none', () => {
    const { service } = productReaders();
    const track = service.read('趙孟𫖯的字', 'pinyin', {});
    assert.deepStrictEqual([...track.entries()], [[0, ['zhào']], [1, ['mèng']], [2, ['fǔ']], [4, ['de']], [5, ['zì']]]);
    // pinyin-pro knows no reading for 𠮷 and answers with the character itself: no ruby, rather than 𠮷 over 𠮷.
    assert.deepStrictEqual([...service.read('𠮷野家', 'pinyin', {}).keys()], [2, 3]);
    assert.deepStrictEqual([...service.read('搭𨋢', 'zhuyin', {}).keys()], [0]);
  });

  test('without a dictionary, the context rules stay off: words keep pinyin-pro’s readings', () => {
    const { service } = productReaders();
    const read = (text: string) => [...service.pinyin(text, { simplified: text }).values()].join(' ');
    assert.strictEqual(read('目的是应用测量'), 'mù dì shì yìng yòng cè liáng');
  });

  test('context rules do not over-fire (a reviewer’s sentences)', () => {
    const cn = { from: 'cn', to: 'hk' } as const;
    const tw = { from: 'tw', to: 'cn' } as const;
    expectReadings([
      ['市政府决定为灾区捐款', 'shì zhèng fǔ jué dìng wèi zāi qū juān kuǎn', cn],
      ['志愿者为首都市民提供服务', 'zhì yuàn zhě wèi shǒu dū shì mín tí gōng fú wù', cn],
      ['以实际行动为群众办实事', 'yǐ shí jì xíng dòng wèi qún zhòng bàn shí shì', cn],
      ['坚持以人民为中心', 'jiān chí yǐ rén mín wéi zhōng xīn', cn],
      ['增速分别为百分之五', 'zēng sù fēn bié wéi bǎi fēn zhī wǔ', cn],
      ['你得好好学习', 'nǐ děi hǎo hǎo xué xí', cn],
      ['他应了一声就走了', 'tā yìng le yī shēng jiù zǒu le', cn],
      ['医生给他量了量血压', 'yī shēng gěi tā liáng le liáng xuè yā', cn],
      ['整只鸡都吃完了', 'zhěng zhī jī dōu chī wán le', cn],
      ['这只会让问题更加严重', 'zhè zhǐ huì ràng wèn tí gèng jiā yán zhòng', cn],
      ['仔細地看', 'zǐ xì de kàn', tw],
      ['他已经还了钱', 'tā yǐ jīng huán le qián', cn],
      ['他中了彩票', 'tā zhòng le cǎi piào', cn],
      ['干得好', 'gàn de hǎo', cn],
      ['我不想干了', 'wǒ bù xiǎng gàn le', cn],
      ['衣服干了', 'yī fu gān le', cn],
      ['数一数有多少人', 'shǔ yī shǔ yǒu duō shǎo rén', cn],
      ['他长得很高', 'tā zhǎng de hěn gāo', cn],
      ['還差得遠', 'hái chà de yuǎn', tw],
      ['逾期未還的書', 'yú qī wèi huán de shū', tw],
      ['曾姓男子', 'zēng xìng nán zǐ', tw],
      ['多處積水', 'duō chù jī shuǐ', tw],
      ['数以万计的人参加了活动', 'shù yǐ wàn jì de rén cān jiā le huó dòng', cn],
      ['並視之為重中之重', 'bìng shì zhī wéi zhòng zhōng zhī zhòng', tw],
    ]);
  });

  test('Jyutping in context from to-jyutping, in both scripts; pinyin+jyutping gives both', () => {
    const { service } = productReaders();
    assert.deepStrictEqual([...service.read('香港', 'jyutping').values()], [['hoeng1'], ['gong2']]);
    assert.deepStrictEqual([...service.read('银行', 'jyutping').values()], [['ngan4'], ['hong4']]);
    assert.deepStrictEqual([...service.read('香港', 'pinyin+jyutping').values()], [['xiāng', 'hoeng1'], ['gǎng', 'gong2']]);
    // Simplified characters are read as the Traditional ones they stand for (价 is 價 gaa3, not 介 gaai3).
    const jyutping = (text: string) => [...service.read(text, 'jyutping').values()].map((r) => r[0]).join(' ');
    assert.strictEqual(jyutping('价格'), 'gaa3 gaak3');
    assert.strictEqual(jyutping('这种工厂'), 'ze5 zung2 gung1 cong2');
  });

  test('Zhuyin spells the same syllables, the neutral-tone dot first', () => {
    const { service } = productReaders();
    assert.deepStrictEqual([...service.read('銀行', 'zhuyin').values()], [['ㄧㄣˊ'], ['ㄏㄤˊ']]);
    assert.strictEqual(pinyinSyllableToZhuyin('de'), '˙ㄉㄜ');
    assert.strictEqual(pinyinSyllableToZhuyin('lǜ'), 'ㄌㄩˋ');
    assert.strictEqual(pinyinSyllableToZhuyin('ḿ'), 'ḿ', 'a syllable Zhuyin cannot spell stays in pinyin');
  });

  test('readingOf reads a span inside its sentence (長 in 行長 is zhǎng)', () => {
    const { service, dictionary } = productReaders();
    assert.strictEqual(service.readingOf('他是銀行行長', 4, 6, 'pinyin', { dictionary }), 'háng zhǎng');
  });

  test('glossary pinyin is split by the characters’ readings, keeping case; doubtful pinyin is refused', () => {
    const { service } = productReaders();
    const candidates = (c: string) => service.candidates(c);
    assert.deepStrictEqual(splitWordPinyin('Huáwéi', ['華', '為'], candidates), ['Huá', 'wéi']);
    assert.deepStrictEqual(splitWordPinyin('Xī’ān', ['西', '安'], candidates), ['Xī', 'ān']);
    assert.deepStrictEqual(splitWordPinyin('bùfen', ['部', '分'], candidates), ['bù', 'fen']);
    assert.strictEqual(splitWordPinyin('Nvidia', ['英', '偉', '達'], candidates), undefined);
  });

  test('tones of syllables in each system', () => {
    assert.deepStrictEqual(['mā', 'má', 'mǎ', 'mà', 'ma', 'lǜ', 'H'].map((s) => toneOf(s, 'pinyin')), [1, 2, 3, 4, 5, 4, 5]);
    assert.deepStrictEqual(['hoeng1', 'gong2', 'si6', 'x'].map((s) => toneOf(s, 'jyutping')), [1, 2, 6, undefined]);
    assert.deepStrictEqual(['ㄇㄚ', 'ㄇㄚˊ', 'ㄇㄚˇ', 'ㄇㄚˋ', '˙ㄇㄚ'].map((s) => toneOf(s, 'zhuyin')), [1, 2, 3, 4, 5]);
  });

  test('segmentation picks the backward cut on a tie and the reading-consistent one before that', () => {
    const words = new Map([['中美', [{ pinyin: 'zhōng měi' }]], ['美的', [{ pinyin: 'Měi dí' }]]]);
    const dictionary = { entriesOf: (w: string) => words.get(w) };
    const text = '中美的';
    const cut = (d: (t: { start: number; end: number }) => number) => segmentRun(text, undefined, 0, 3, dictionary, d).map((t) => text.slice(t.start, t.end));
    assert.deepStrictEqual(cut(() => 0), ['中', '美的']);
    assert.deepStrictEqual(cut((t) => (text.slice(t.start, t.end) === '美的' ? 1 : 0)), ['中美', '的']);
  });
});
