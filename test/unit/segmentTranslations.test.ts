import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { reflow } from '../../src/core/reader/reflow';
import { alignTranslations, articleSegments, segmentSelectors, StoredTranslation } from '../../src/core/translation/segmentTranslations';
import { mergeTranslations, TranslationCodec } from '../../src/core/translation/translationFile';
import { referenceArticle } from './testData';

suite('translations follow their sentences (issue 14)', () => {
  const article = referenceArticle();
  const segmentsOf = (text: string) => articleSegments(reflow(text));
  const translate = (text: string, index: number, target: string, modified = '2026-11-30T10:00:00.000Z'): StoredTranslation => {
    const segment = segmentsOf(text)[index]!;
    return { id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, created: modified, modified, target, state: 'translated', selector: segmentSelectors(text, segment) };
  };

  test('every segment of the article maps back onto its source text', () => {
    const segments = segmentsOf(article);
    assert.ok(segments.length > 80, `${segments.length} segments`);
    for (const segment of segments) {
      // First and last characters where they came from (a caption printed twice for bold reads once).
      assert.strictEqual(article[segment.range.start], segment.source[0]);
      assert.strictEqual(article[segment.range.end - 1], segment.source[segment.source.length - 1]);
      // Every character of the segment, in order, from its range (spaces and a bold caption's doubles aside).
      const slice = article.slice(segment.range.start, segment.range.end);
      let at = 0;
      for (const ch of segment.source.replace(/\s/gu, '')) {
        at = slice.indexOf(ch, at) + 1;
        assert.ok(at > 0, `${ch} of ${segment.source} in ${slice}`);
      }
    }
  });

  test('unchanged text: each translation on its segment, nothing changed, no orphans', () => {
    const stored = [translate(article, 3, 'Three'), translate(article, 10, 'Ten')];
    const aligned = alignTranslations(article, segmentsOf(article), stored);
    assert.deepStrictEqual(
      aligned.segments.filter((s) => s.translation).map((s) => [s.index, s.translation!.target, s.sourceChanged]),
      [
        [3, 'Three', false],
        [10, 'Ten', false],
      ],
    );
    assert.deepStrictEqual(aligned.orphans, []);
  });

  test('a sentence added before them moves both; an edited sentence is flagged; a deleted one is an orphan', () => {
    const segments = segmentsOf(article);
    const stored = [translate(article, 3, 'Three'), translate(article, 10, 'Ten'), translate(article, 20, 'Twenty')];
    const third = segments[3]!;
    const tenth = segments[10]!;
    const twentieth = segments[20]!;
    // Delete the twentieth sentence, change one character of the tenth, add a sentence before the third.
    let edited = article.slice(0, twentieth.range.start) + article.slice(twentieth.range.end);
    // 英偉達無法再進一步降規 → 英偉達無法再更一步降規: one character of the sentence.
    const changeAt = edited.indexOf('進一步', tenth.range.start);
    assert.ok(changeAt > tenth.range.start && changeAt < tenth.range.end);
    edited = edited.slice(0, changeAt) + '更' + edited.slice(changeAt + 1);
    edited = edited.slice(0, third.range.start) + '新加的一句話。' + edited.slice(third.range.start);
    const aligned = alignTranslations(edited, segmentsOf(edited), stored);
    const placed = aligned.segments.filter((s) => s.translation).map((s) => [s.source === third.source, s.translation!.target, s.sourceChanged]);
    assert.deepStrictEqual(placed, [
      [true, 'Three', false],
      [false, 'Ten', true],
    ]);
    assert.deepStrictEqual(aligned.orphans.map((t) => t.target), ['Twenty']);
  });

  test('on the reflow fixtures (texts nobody tuned this for): after a sentence is added at the top, every translation is on its sentence, unchanged', () => {
    const folder = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reflow');
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      const segments = segmentsOf(text);
      const stored = segments.filter((_, i) => i % 3 === 0).map((segment) => translate(text, segment.index, `T${segment.index}`));
      const edited = `新加的一句話。\n\n${text}`;
      const aligned = alignTranslations(edited, segmentsOf(edited), stored);
      assert.deepStrictEqual(aligned.orphans, [], file);
      const placed = aligned.segments.filter((s) => s.translation);
      assert.strictEqual(placed.length, stored.length, file);
      for (const segment of placed) {
        assert.strictEqual(segment.source, segments[Number(segment.translation!.target.slice(1))]!.source, file);
        assert.strictEqual(segment.sourceChanged, false, `${file}: ${segment.source}`);
      }
    }
  });

  test('a sentence whose neighbours both changed stays translated: its exact text, found once, is evidence enough', () => {
    // Found by the UI test: a line added before the first sentence and the headline after it deleted
    // left it with no stored context, which orphans a note's quote.
    const stored = [translate(article, 0, 'First')];
    const edited = `新增的第一句。\n\n${article.replace('英偉達損失逾150億美元\n', '')}`;
    const aligned = alignTranslations(edited, segmentsOf(edited), stored);
    assert.deepStrictEqual(aligned.orphans, []);
    const placed = aligned.segments.find((s) => s.translation);
    assert.deepStrictEqual([placed?.index, placed?.source.slice(0, 6), placed?.sourceChanged], [1, '香港文匯報訊', false]);
  });

  test('…but not a sentence found only inside a longer one: 好。 deleted does not move to 我很好。', () => {
    const text = '好。天氣不錯。我很好。';
    const stored = [translate(text, 0, 'Good.')];
    const edited = '天氣不錯。我很好。';
    const aligned = alignTranslations(edited, segmentsOf(edited), stored);
    assert.deepStrictEqual([aligned.orphans.map((o) => o.target), aligned.segments.filter((s) => s.translation).length], [['Good.'], 0]);
  });

  test('two translations on one segment: the later one stays, the other is kept as an orphan, whichever comes first in the file', () => {
    const older = translate(article, 5, 'Old', '2026-11-30T09:00:00.000Z');
    const newer = { ...translate(article, 5, 'New', '2026-11-30T11:00:00.000Z'), id: '00000000-0000-4000-8000-999999999999' };
    for (const order of [
      [newer, older],
      [older, newer],
    ]) {
      const aligned = alignTranslations(article, segmentsOf(article), order);
      assert.strictEqual(aligned.segments[5]!.translation?.target, 'New');
      assert.deepStrictEqual(aligned.orphans.map((t) => t.target), ['Old']);
    }
  });

  test('a translation at its own place beats one that reached the segment by an approximate match, however recent', () => {
    const exact = translate(article, 5, 'Exact', '2026-11-30T09:00:00.000Z');
    const segment = segmentsOf(article)[5]!;
    // A sentence that is gone, one character from segment 5: an approximate match lands it there.
    const other = article.slice(segment.range.start, segment.range.end);
    const gone = other.slice(0, 3) + (other[3] === '乙' ? '丙' : '乙') + other.slice(4);
    const fuzzy: StoredTranslation = {
      ...exact,
      id: '00000000-0000-4000-8000-888888888888',
      modified: '2026-11-30T12:00:00.000Z',
      target: 'Fuzzy',
      selector: [{ ...exact.selector[0], exact: gone }, { ...exact.selector[1], start: exact.selector[1].start + 100000, end: exact.selector[1].end + 100000 }],
    };
    const alone = alignTranslations(article, segmentsOf(article), [fuzzy]);
    assert.deepStrictEqual([alone.segments[5]!.translation?.target, alone.segments[5]!.sourceChanged], ['Fuzzy', true], 'alone, it is placed there, flagged');
    for (const order of [
      [fuzzy, exact],
      [exact, fuzzy],
    ]) {
      const aligned = alignTranslations(article, segmentsOf(article), order);
      assert.strictEqual(aligned.segments[5]!.translation?.target, 'Exact');
      assert.deepStrictEqual(aligned.orphans.map((t) => t.target), ['Fuzzy']);
    }
  });

  test('a range inside a long sentence that holds two captions goes to the caption it is in, not past the first', () => {
    const range = (start: number, end: number) => ({ start, end });
    const segments = [
      { index: 0, block: 0, source: 'P', range: range(50, 150) },
      { index: 1, block: 1, source: 'C1', range: range(80, 90) },
      { index: 2, block: 2, source: 'C2', range: range(100, 110) },
    ];
    const text = 'x'.repeat(200);
    const at = (start: number, end: number): StoredTranslation => ({
      id: `00000000-0000-4000-8000-0000000${start}${end}`.slice(0, 36),
      created: '2026-11-30T10:00:00.000Z',
      modified: '2026-11-30T10:00:00.000Z',
      target: `${start}-${end}`,
      state: 'translated',
      selector: [
        { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end },
      ],
    });
    const aligned = alignTranslations(text, segments, [at(105, 145), at(101, 109)]);
    assert.deepStrictEqual(aligned.segments.map((s) => s.translation?.target), ['105-145', undefined, '101-109']);
  });

  test('saving merges with the file: this window’s change wins for its id, nothing of the file is dropped', () => {
    const mine = { ...translate(article, 1, 'Mine', '2026-11-30T08:00:00.000Z') };
    const theirs = [translate(article, 1, 'Theirs', '2026-11-30T12:00:00.000Z'), translate(article, 2, 'Two')];
    assert.deepStrictEqual(mergeTranslations([mine], theirs).map((t) => t.target), ['Mine', 'Two']);
  });

  suite('the translation file', () => {
    const codec = new TranslationCodec();
    const stored = () => [translate(article, 3, 'Three'), translate(article, 10, 'Ten')];

    test('what is written reads back the same', () => {
      const text = codec.write(article, 'article.txt', 'en', stored());
      const read = codec.read(text);
      assert.ok(read.ok);
      assert.deepStrictEqual(read.file.segments, stored());
      assert.deepStrictEqual([read.file.targetLanguage, read.file.source.length], ['en', article.length]);
    });

    test('broken JSON, a state XLIFF does not have, and a repeated id are refused with the problem, and no such file is written', () => {
      const text = codec.write(article, 'article.txt', 'en', stored());
      const broken = codec.read(text.replace('"Three"', '"Three",,'));
      assert.ok(!broken.ok && broken.line > 0, JSON.stringify(broken));
      const wrongState = codec.read(text.replace('"translated"', '"final"'));
      assert.ok(!wrongState.ok && /state/.test(wrongState.problem), JSON.stringify(wrongState));
      const [first] = stored();
      const twice = codec.read(codec.write(article, 'article.txt', 'en', [first!, { ...first!, target: 'again' }]));
      assert.ok(!twice.ok && /appears twice/.test(twice.problem));
      assert.throws(() => codec.write(article, 'article.txt', 'en', [{ ...first!, state: 'final' as never }]), /schema/);
    });
  });
});

