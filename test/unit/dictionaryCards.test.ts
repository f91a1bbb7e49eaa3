import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CedictDictionary, isPointerOnly, parsePointer, pinyinKey } from '../../src/core/glossary/cedictDictionary';
import { cardsForDictionary, DictionaryCardOptions, GlossaryCard } from '../../src/core/glossary/glossaryCard';
import { lookUpWord } from '../../src/core/glossary/dictionaryLookup';
import { productReaders } from './readingKey';

const CEDICT = path.resolve(__dirname, '..', '..', '..', 'dist', 'cedict.tsv');

/** The cards a hover at `word` in `text` would show. */
function cardsAt(dictionary: CedictDictionary, text: string, word: string, options: Omit<DictionaryCardOptions, 'dictionary'>): GlossaryCard[] {
  const found = dictionary.lookup(text, text.indexOf(word));
  assert.ok(found, `${word} is in the dictionary`);
  assert.strictEqual(found.word, word);
  return cardsForDictionary(found.word, found.entries, { ...options, dictionary });
}

suite('CC-CEDICT cards on the real dictionary', () => {
  let tsv = '';
  let dictionary: CedictDictionary;
  suiteSetup(function () {
    assert.ok(fs.existsSync(CEDICT), `${CEDICT} exists (build it with node esbuild.js)`);
    tsv = fs.readFileSync(CEDICT, 'utf8');
    dictionary = CedictDictionary.parse(tsv);
  });

  test('無可厚非 ("see 未可厚非") shows the meaning of 未可厚非, in either script', () => {
    const [card, ...rest] = cardsAt(dictionary, '這種做法無可厚非。', '無可厚非', { script: 'traditional' });
    assert.strictEqual(rest.length, 0);
    assert.deepStrictEqual(card!.english, ['see 未可厚非[wei4 ke3 hou4 fei1]']);
    assert.deepStrictEqual(
      card!.resolved?.map((r) => [r.term, r.pinyin]),
      [['未可厚非', 'wèi kě hòu fēi']],
    );
    assert.ok(card!.resolved![0]!.english.includes('understandable'));
    const [simplified] = cardsAt(dictionary, '这种做法无可厚非。', '无可厚非', { script: 'simplified' });
    assert.strictEqual(simplified!.resolved?.[0]?.term, '未可厚非');
  });

  test('裏面, the Hong Kong form, shows the meaning of 裡面; 里面 in Simplified text leads with "inside"', () => {
    const [card] = cardsAt(dictionary, '裏面有人', '裏面', { script: 'traditional' });
    assert.deepStrictEqual(card!.english, ['variant of 裡面|里面[li3 mian4]']);
    assert.deepStrictEqual(
      card!.resolved?.map((r) => [r.term, r.pinyin, r.english[0]]),
      [['裡面', 'lǐ miàn', 'inside']],
    );
    const simplified = cardsAt(dictionary, '里面有人', '里面', { script: 'simplified' });
    assert.strictEqual(simplified[0]!.english[0], 'inside');
    assert.strictEqual(simplified[1]!.resolved?.[0]?.term, '里面');
  });

  test('乾 in 衣服還沒乾: "dry" among the first two, surnames and variants last, nothing left out', () => {
    const cards = cardsAt(dictionary, '衣服還沒乾', '乾', { script: 'traditional' });
    assert.ok(
      cards.slice(0, 2).some((c) => c.pinyin === 'gān' && c.english[0] === 'dry'),
      cards.map((c) => c.english[0]).join(' | '),
    );
    assert.strictEqual(cards.length, dictionary.entriesOf('乾').length);
    const last = cards.slice(2).map((c) => c.english[0]!);
    assert.ok(last.every((d) => d.startsWith('surname ') || /variant of/.test(d)), last.join(' | '));
    // The old variant 乹 points at 乾[qian2], the trigram, not at the surname.
    const old = cards.find((c) => c.otherForms.includes('乹'));
    assert.deepStrictEqual(old?.resolved?.map((r) => r.pinyin), ['qián']);
  });

  test('干 in 衣服还没干 (Simplified) leads with "dry"; the text\'s reading brings gàn forward', () => {
    assert.strictEqual(cardsAt(dictionary, '衣服还没干', '干', { script: 'simplified' })[0]!.english[0], 'dry');
    const cards = cardsAt(dictionary, '我不想干', '干', { script: 'simplified', reading: 'gàn' });
    assert.strictEqual(cards[0]!.pinyin, 'gàn');
  });

  test('the word is the longest dictionary word starting at the cursor, as Zhongwen reads', () => {
    assert.strictEqual(dictionary.lookup('這種做法無可厚非', 4)?.word, '無可厚非');
    assert.strictEqual(dictionary.lookup('衣服還沒乾', 0)?.word, '衣服');
    assert.strictEqual(dictionary.lookup('衣服還沒乾', 4)?.word, '乾');
    assert.strictEqual(dictionary.lookup('中華人民共和國成立', 0)?.word, '中華人民共和國');
  });

  test('about 6,000 entries are pointers only, and all but a handful resolve', () => {
    let pointers = 0;
    let unresolved = 0;
    for (const line of tsv.split('\n')) {
      const [traditional, simplified, pinyin, definitions] = line.split('\t');
      if (!traditional || !simplified || pinyin === undefined || !definitions) {
        continue;
      }
      const entry = { traditional, simplified, pinyin, definitions: definitions.split(' / ') };
      if (isPointerOnly(entry)) {
        pointers++;
        if (dictionary.resolve(entry).length === 0) {
          unresolved++;
        }
      }
    }
    assert.ok(pointers > 5_800 && pointers < 6_800, `${pointers} pointer-only entries`);
    assert.ok(unresolved < 10, `${unresolved} pointers lead nowhere`);
  });
});

suite('CC-CEDICT pointers and ranking (small dictionary)', () => {
  const dictionary = CedictDictionary.parse(
    [
      '行\t行\tháng\trow / line',
      '行\t行\txíng\tto walk',
      '衜\t衜\txíng\tvariant of 行[xing2]',
      '甲\t甲\tjiǎ\tsee 乙[yi3]',
      '乙\t乙\tyǐ\tvariant of 丙',
      '丙\t丙\tbǐng\tthird',
      '丁\t丁\tdīng\tsee 戊',
      '戊\t戊\twù\tsee 丁',
      '己\t己\tjǐ\tsee also 丙, 庚[geng1]',
      '庚\t庚\tgēng\tseventh',
      '辛\t辛\txīn\tsee 壬[ren2]',
      '壬\t壬\trén\tninth',
      '癸\t癸\tguǐ\tsee 壬[ren4]',
      '乾\t干\tgān\tdry',
      '乾\t干\tGān\tsurname Gan',
      '乾\t乾\tqián\theaven',
      '乹\t乾\tqián\told variant of 乾[qian2]',
      '干\t干\tgān\tshield',
      '幹\t干\tgàn\tto do',
      '裡\t里\tlǐ\tinside',
      '裏\t里\tlǐ\tvariant of 裡|里[li3]',
      '里\t里\tlǐ\tLi (Chinese unit of distance)',
      '子\t子\tzǐ\tsee 丙 / child',
      '㐀\t㐀\tqiū\tabbr. for 丙',
    ].join('\n'),
  );
  const card = (word: string, options: Omit<DictionaryCardOptions, 'dictionary'>) => cardsForDictionary(word, dictionary.entriesOf(word), { ...options, dictionary });

  test('pointer definitions in CC-CEDICT\'s forms, and what is not one', () => {
    assert.deepStrictEqual(parsePointer('see 未可厚非[wei4 ke3 hou4 fei1]'), { relation: 'see', references: [{ form: '未可厚非', pinyin: 'wei4 ke3 hou4 fei1' }] });
    assert.deepStrictEqual(parsePointer('variant of 裡面|里面[li3 mian4]'), { relation: 'variant of', references: [{ form: '裡面', simplified: '里面', pinyin: 'li3 mian4' }] });
    assert.deepStrictEqual(parsePointer('see also 甲, 乙 and 丙[bing3]')?.references.map((r) => r.form), ['甲', '乙', '丙']);
    for (const relation of ['old variant of', 'archaic variant of', 'erhua variant of', 'Japanese variant of', 'also written', 'see also']) {
      assert.strictEqual(parsePointer(`${relation} 一點兒|一点儿[yi1 dian3 r5]`)?.relation, relation);
    }
    for (const definition of ['abbr. for 北京大學|北京大学[Bei3 jing1 Da4 xue2]', 'used in 葡萄[pu2 tao2]', 'see Jiang Ziya', 'surname Gan', 'variant of 乾[qian2], dry', 'dry']) {
      assert.strictEqual(parsePointer(definition), undefined, definition);
    }
    assert.strictEqual(isPointerOnly({ traditional: '子', simplified: '子', pinyin: 'zǐ', definitions: ['see 丙', 'child'] }), false);
  });

  test('pinyin with tone marks and with numbers compare alike', () => {
    assert.strictEqual(pinyinKey('lǐ miàn'), pinyinKey('li3 mian4'));
    assert.strictEqual(pinyinKey('lǜ'), pinyinKey('lu:4'));
    assert.strictEqual(pinyinKey('yī diǎn r'), pinyinKey('yi1 dian3 r5'));
    assert.strictEqual(pinyinKey('Gān'), 'gan1');
    assert.notStrictEqual(pinyinKey('gān'), pinyinKey('gàn'));
  });

  test('a pointer resolves by form and pinyin; by form alone when no reading fits', () => {
    assert.deepStrictEqual(card('衜', { script: 'traditional' })[0]!.resolved, [{ term: '行', pinyin: 'xíng', english: ['to walk'] }]);
    assert.deepStrictEqual(card('癸', { script: 'traditional' })[0]!.resolved?.map((r) => r.english[0]), ['ninth']);
    assert.deepStrictEqual(card('辛', { script: 'traditional' })[0]!.resolved?.map((r) => r.english[0]), ['ninth']);
  });

  test('chains are followed, cycles end, several references each resolve', () => {
    assert.deepStrictEqual(card('甲', { script: 'traditional' })[0]!.resolved, [{ term: '丙', pinyin: 'bǐng', english: ['third'] }]);
    assert.strictEqual(card('丁', { script: 'traditional' })[0]!.resolved, undefined);
    assert.deepStrictEqual(card('己', { script: 'traditional' })[0]!.resolved?.map((r) => r.term), ['丙', '庚']);
  });

  test('only entries made of pointers resolve; "abbr. for" is a meaning', () => {
    assert.strictEqual(card('子', { script: 'traditional' })[0]!.resolved, undefined);
    assert.strictEqual(card('㐀', { script: 'traditional' })[0]!.resolved, undefined);
  });

  test('a lowercase pinyin points at the common word, not the capitalised proper noun', () => {
    const resolved = card('裏', { script: 'traditional' })[0]!.resolved;
    assert.deepStrictEqual(resolved, [{ term: '裡', pinyin: 'lǐ', english: ['inside'] }]);
    // The word pointed at is written in the document's script.
    assert.strictEqual(cardsForDictionary('里', [dictionary.entriesOf('里')[1]!], { script: 'simplified', dictionary })[0]!.resolved?.[0]?.term, '里');
  });

  test('ranking: headword in the document\'s script first, surnames and variants last, every entry kept', () => {
    const traditional = card('乾', { script: 'traditional' }).map((c) => c.english[0]);
    assert.deepStrictEqual(traditional, ['dry', 'heaven', 'surname Gan', 'old variant of 乾[qian2]']);
    const simplified = card('干', { script: 'simplified' }).map((c) => c.english[0]);
    assert.deepStrictEqual(simplified, ['dry', 'shield', 'to do', 'surname Gan']);
    // In a Traditional text 干 is the shield; the entries written 乾 and 幹 there follow.
    assert.deepStrictEqual(card('干', { script: 'traditional' }).map((c) => c.english[0]), ['shield', 'dry', 'to do', 'surname Gan']);
    // Mixed or unknown script: either headword counts.
    assert.deepStrictEqual(card('乾', { script: 'mixed' }).map((c) => c.english[0]), ['dry', 'heaven', 'surname Gan', 'old variant of 乾[qian2]']);
  });

  test('the text\'s reading puts its entry first among those that rank alike, never above the script', () => {
    assert.deepStrictEqual(card('乾', { script: 'traditional', reading: 'qian2' }).map((c) => c.english[0]).slice(0, 2), ['heaven', 'dry']);
    assert.deepStrictEqual(card('干', { script: 'simplified', reading: 'gàn' }).map((c) => c.english[0]).slice(0, 2), ['to do', 'dry']);
    assert.strictEqual(card('干', { script: 'traditional', reading: 'gàn' })[0]!.english[0], 'shield');
  });

  test('cards carry every definition and no resolved field when there is nothing to resolve', () => {
    const [first] = card('行', { script: 'simplified' });
    assert.deepStrictEqual(first, { term: '行', otherForms: [], pinyin: 'háng', english: ['row', 'line'], source: 'CC-CEDICT' });
  });
});

suite('looking up the word at a place', () => {
  test('the word read in its sentence leads its cards, with its reading in the chosen system', () => {
    const { service, dictionary } = productReaders();
    const text = '这份工作太累了，我不想干了。';
    const found = lookUpWord(text, text.indexOf('干'), { dictionary, script: 'simplified', service, system: 'zhuyin' });
    assert.ok(found);
    assert.deepStrictEqual([found.start, found.end], [11, 12]);
    assert.strictEqual(found.cards[0]!.pinyin, 'gàn');
    assert.deepStrictEqual(found.reading, [['ㄍㄢˋ']]);
    assert.strictEqual(lookUpWord(text, text.indexOf('，'), { dictionary, script: 'simplified', service, system: 'pinyin' }), undefined);
  });

  test('a long line is read only around the word', () => {
    const { service, dictionary } = productReaders();
    const line = '銀行行長說'.padStart(200_000, '的');
    const read = service.read.bind(service);
    let longest = 0;
    service.read = (text, system, context) => {
      longest = Math.max(longest, text.length);
      return read(text, system, context);
    };
    try {
      const found = lookUpWord(line, line.length - 3, { dictionary, script: 'traditional', service, system: 'pinyin' });
      assert.deepStrictEqual(found?.reading, [['háng'], ['zhǎng']]);
      assert.ok(longest > 0 && longest <= 200, `read ${longest} characters`);
    } finally {
      Reflect.deleteProperty(service, 'read');
    }
  });
});
