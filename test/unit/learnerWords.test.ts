import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { articleWords, wordKey } from '../../src/core/learning/articleWords';
import { readingLevel } from '../../src/core/learning/readingLevel';
import { WordFrequencies } from '../../src/core/learning/wordFrequency';
import { ankiTag, cloze, sentenceOf, toAnkiCsv, toVocabularyTsv } from '../../src/core/learning/vocabularyExport';
import { segmentText } from '../../src/core/translation/segmentation';
import { mergeWordStatuses, StoredWordStatus, WordStatus, WordStatusCodec } from '../../src/core/learning/wordStatus';
import { productReaders } from './readingKey';
import { referenceArticle } from './testData';

const ROOT = path.resolve(__dirname, '..', '..', '..');

suite('learner: words, statuses and reading level (issue 15)', () => {
  const sources = () => {
    const { converter, dictionary, matcher } = productReaders();
    return { dictionary, matcher, toSimplified: (text: string) => converter.convert(text, { from: 't', to: 'cn' }) };
  };
  const words = (text: string) => articleWords(text, sources()).map((w) => w.word);

  test('words are CC-CEDICT’s longest words, glossary terms whole; Latin, digits and punctuation are no words', () => {
    assert.deepStrictEqual(words('美國對華為的芯片出口管制'), ['美國', '對', '華為', '的', '芯片', '出口管制']);
    assert.deepStrictEqual(words('英偉達損失逾150億美元。AI芯片'), ['英偉達', '損失', '逾', '億', '美元', '芯片']);
    assert.deepStrictEqual(words('H20 and DeepSeek, 2025'), []);
  });

  test('one key for a word in every script, and for the forms one glossary entry gives', () => {
    const { matcher, toSimplified } = sources();
    assert.strictEqual(wordKey('學習', { toSimplified }), wordKey('学习', { toSimplified }));
    const keys = (text: string) => articleWords(text, sources()).map((w) => w.key);
    assert.deepStrictEqual(keys('學習'), keys('学习'));
    // The built-in glossary has 華為 with its Simplified form: the same term, the same key.
    assert.strictEqual(wordKey('華為', { matcher, toSimplified }), wordKey('华为', { matcher, toSimplified }));
    // Words the text cuts agree with the key of the word alone.
    for (const word of articleWords('美國商務部收緊對華為的芯片出口管制', sources())) {
      assert.strictEqual(word.key, wordKey(word.word, { matcher, toSimplified }), word.word);
    }
  });

  test('every word of the reference article is its text, in order, without overlaps', () => {
    const text = referenceArticle();
    const found = articleWords(text, sources());
    assert.ok(found.length > 1500, `${found.length} words`);
    let end = 0;
    for (const word of found) {
      assert.ok(word.start >= end && word.end > word.start, `${word.word} at ${word.start}`);
      assert.strictEqual(text.slice(word.start, word.end), word.word);
      end = word.end;
    }
  });

  test('on public texts it was not tuned on (the reviewed reflow fixtures): every Han character is in one word, the words are the text, a word’s key is the same alone', () => {
    const dir = path.join(ROOT, 'test', 'fixtures', 'reflow');
    const { toSimplified, matcher } = sources();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.blocks.json'))) {
      const { blocks } = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { blocks: { text: string }[] };
      for (const { text } of blocks) {
        const found = articleWords(text, sources());
        const covered = new Set<number>();
        for (const word of found) {
          assert.strictEqual(text.slice(word.start, word.end), word.word, file);
          // The key a word gets in its text is the one it gets alone (a mark set on it anywhere finds it).
          assert.strictEqual(word.key, wordKey(word.word, { matcher, toSimplified }), `${file}: ${word.word}`);
          for (let i = word.start; i < word.end; i++) {
            assert.ok(!covered.has(i), `${file}: ${word.word} overlaps`);
            covered.add(i);
          }
        }
        // By UTF-16 offset, as words are: a character outside the BMP is two units, both covered.
        for (let i = 0; i < text.length; i++) {
          const c = String.fromCodePoint(text.codePointAt(i)!);
          if (/\p{Script=Han}/u.test(c)) {
            assert.ok(covered.has(i), `${file}: ${c} at ${i} is in no word`);
          }
          i += c.length - 1;
        }
      }
    }
  });

  test('the reading level of a fixed text with fixed statuses and a fixed frequency list', () => {
    const text = '我們學習中文。我們喜歡學習。芯片出口管制。';
    const found = articleWords(text, sources());
    assert.deepStrictEqual(
      found.map((w) => w.word),
      ['我們', '學習', '中文', '我們', '喜歡', '學習', '芯片', '出口管制'],
    );
    const statuses: Record<string, WordStatus> = { 我们: 'known', 学习: 'learning2', 喜欢: 'ignored' };
    const frequencies = WordFrequencies.parse('我们\n学习\n中文\n');
    const level = readingLevel(found, (key) => statuses[key] ?? 'new', (key) => frequencies.band(key));
    assert.deepStrictEqual(level, {
      runningWords: 8,
      // 我們 twice and 喜歡 (ignored) once.
      knownWords: 3,
      knownShare: 3 / 8,
      distinctWords: 6,
      // 中文, 芯片, 出口管制.
      newWords: 3,
      learningWords: 1,
      newByBand: { common: 1, medium: 0, rare: 0, unlisted: 2 },
    });
    assert.deepStrictEqual(readingLevel([], () => 'new', () => 'common').knownShare, 1);
  });

  test('the shipped frequency list (jieba’s) bands common words as common and rare ones as rare', () => {
    const frequencies = WordFrequencies.parse(fs.readFileSync(path.join(ROOT, 'dist', 'word-frequency.txt'), 'utf8'));
    assert.ok(frequencies.size > 50000, `${frequencies.size} words`);
    assert.deepStrictEqual(['我们', '学习', '芯片', '博弈', '缱绻'].map((w) => frequencies.band(w)), ['common', 'common', 'medium', 'rare', 'unlisted']);
  });

  test('statuses files: what is written reads back; a broken file and an unknown status are refused', () => {
    const codec = new WordStatusCodec();
    const words: Record<string, StoredWordStatus> = { 学习: { status: 'learning1', modified: '2026-11-30T10:00:00.000Z', word: '學習' }, 芯片: { status: 'known', modified: '2026-11-30T10:00:00.000Z' } };
    const read = codec.read(codec.write(words));
    assert.ok(read.ok && read.file.words['学习']!.word === '學習');
    assert.strictEqual(codec.read('{"version": 1, "words": {').ok, false);
    assert.strictEqual(codec.read('{"version": 1, "words": {"学习": {"status": "mastered", "modified": "2026-11-30T10:00:00.000Z"}}}').ok, false);
    assert.throws(() => codec.write({ 学习: { status: 'learning9' as WordStatus, modified: 'x' } }));
  });

  test('two windows’ statuses merge word by word, the later winning; equal times keep what is kept', () => {
    const at = (hour: number) => `2026-11-30T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const theirs: Record<string, StoredWordStatus> = { 学习: { status: 'known', modified: at(10) }, 中文: { status: 'learning1', modified: at(12) }, 喜欢: { status: 'new', modified: at(9) } };
    const mine: Record<string, StoredWordStatus> = { 学习: { status: 'learning3', modified: at(11) }, 中文: { status: 'known', modified: at(11) }, 喜欢: { status: 'known', modified: at(9) }, 芯片: { status: 'ignored', modified: at(8) } };
    const merged = mergeWordStatuses(theirs, mine);
    assert.deepStrictEqual(
      Object.fromEntries(Object.entries(merged.words).map(([k, v]) => [k, v.status])),
      { 学习: 'learning3', 中文: 'learning1', 喜欢: 'new', 芯片: 'ignored' },
    );
    assert.strictEqual(merged.taken, 2);
  });

  test('vocabulary export: the sentence of a word (cut as the translation column cuts), the cloze, Anki’s CSV with its headers, TSV', () => {
    const text = '英偉達損失逾150億美元。「最初導向『人工智能擴散規則』的那些基本假設，已被證明是錯誤的。」黃仁勳表示';
    const start = text.indexOf('假設');
    const around = sentenceOf(text, start, segmentText(text));
    assert.deepStrictEqual(around, { sentence: '「最初導向『人工智能擴散規則』的那些基本假設，已被證明是錯誤的。」', at: '「最初導向『人工智能擴散規則』的那些基本'.length });
    const card = { word: '假設', otherScript: '假设', reading: 'jiǎ shè', meaning: 'hypothesis; {assumption}', ...around };
    assert.strictEqual(cloze(card), '「最初導向『人工智能擴散規則』的那些基本{{c1::假設}}，已被證明是錯誤的。」');
    assert.strictEqual(ankiTag('my article.txt'), 'my_article.txt');
    const csv = toAnkiCsv([card], 'wenweipo 2025.txt');
    assert.strictEqual(csv.split('\n').slice(0, 4).join('\n'), '#separator:Comma\n#html:false\n#columns:Word,Other script,Reading,Meaning,Sentence,Tags\n#tags column:6');
    assert.strictEqual(csv.split('\n')[4], '假設,假设,jiǎ shè,hypothesis; {assumption},「最初導向『人工智能擴散規則』的那些基本{{c1::假設}}，已被證明是錯誤的。」,wenweipo_2025.txt');
    assert.strictEqual(toVocabularyTsv([{ ...card, meaning: 'a\tb' }]), '假設\t假设\tjiǎ shè\ta b\t「最初導向『人工智能擴散規則』的那些基本假設，已被證明是錯誤的。」\n');
    assert.strictEqual(toVocabularyTsv([]), '');
  });
});
