import * as assert from 'assert';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { reflow } from '../../src/core/reader/reflow';
import { AlignedSegment, alignTranslations, articleSegments, StoredTranslation } from '../../src/core/translation/segmentTranslations';
import { storedTranslation } from './testData';
import { DRAFT_SUBSTATE, SOURCE_CHANGED_SUBSTATE, toBilingualMarkdown, toTmx, toTranslationText, toXliff, xmlSafe } from '../../src/core/translation/translationExport';

suite('translation exports (issue 14)', () => {
  const text = '美國商務部表示，將收緊管制。英偉達股價下跌。\n\n業界認為影響有限；市場反應平淡。\n';
  const segments = articleSegments(reflow(text));
  const stored = (index: number, target: string, state: StoredTranslation['state']) => storedTranslation(text, index, target, state);
  const aligned: AlignedSegment[] = alignTranslations(text, segments, [
    stored(0, 'The Commerce Department said it would tighten <controls> & more.', 'translated'),
    stored(1, 'Nvidia shares fell.', 'draft'),
    stored(2, 'The industry sees limited impact;', 'reviewed'),
  ]).segments.map((s, i) => (i === 1 ? { ...s, sourceChanged: true } : s));
  const article = { file: 'article.txt', sourceLanguage: 'zh-Hant', targetLanguage: 'en' };

  test('XLIFF 2.0: a unit per block, a segment per sentence, with states, targets and a note where the source changed', () => {
    assert.strictEqual(segments.length, 4);
    const xml = toXliff(article, aligned, 'source changed — review');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['unit', 'segment', 'note'].includes(name) }).parse(xml);
    const root = parsed.xliff;
    assert.deepStrictEqual([root['@xmlns'], root['@version'], root['@srcLang'], root['@trgLang']], ['urn:oasis:names:tc:xliff:document:2.0', '2.0', 'zh-Hant', 'en']);
    const units = root.file.unit;
    assert.deepStrictEqual(units.map((u: { segment: unknown[] }) => u.segment.length), [2, 2]);
    const all = units.flatMap((u: { segment: Record<string, unknown>[] }) => u.segment);
    assert.deepStrictEqual(all.map((s: Record<string, unknown>) => [s['@id'], s['@state'], s['@subState'], s.source, s.target]), [
      ['s1', 'translated', undefined, '美國商務部表示，將收緊管制。', 'The Commerce Department said it would tighten <controls> & more.'],
      ['s2', 'initial', SOURCE_CHANGED_SUBSTATE, '英偉達股價下跌。', 'Nvidia shares fell.'],
      ['s3', 'reviewed', undefined, '業界認為影響有限；', 'The industry sees limited impact;'],
      ['s4', 'initial', undefined, '市場反應平淡。', undefined],
    ]);
    assert.deepStrictEqual(units[0].notes.note.map((n: Record<string, string>) => n['#text']), ['s2: source changed — review']);
    assert.ok(xml.includes('&lt;controls&gt; &amp; more'), 'markup in a translation is escaped');
  });

  test('XLIFF 2.0: a draft whose source did not change is initial with the draft subState', () => {
    const draft = alignTranslations(text, segments, [stored(1, 'Nvidia shares fell.', 'draft')]).segments;
    const xml = toXliff(article, draft, 'changed');
    assert.ok(xml.includes(`<segment id="s2" state="initial" subState="${DRAFT_SUBSTATE}">`), xml);
  });

  test('bilingual Markdown: each paragraph, then its translation quoted; the translation alone as text', () => {
    assert.strictEqual(
      toBilingualMarkdown('article.txt', aligned, 'en'),
      '# article.txt\n\n美國商務部表示，將收緊管制。英偉達股價下跌。\n\n> The Commerce Department said it would tighten \\<controls\\> & more. Nvidia shares fell.\n\n業界認為影響有限；市場反應平淡。\n\n> The industry sees limited impact;\n',
    );
    assert.strictEqual(toTranslationText(aligned, 'en'), 'The Commerce Department said it would tighten <controls> & more. Nvidia shares fell.\n\nThe industry sees limited impact;\n');
  });

  test('TMX 1.4b: the translated and reviewed sentences, in both languages', async () => {
    // A translated sentence whose source changed since is not memory.
    const tmx = await toTmx(article, aligned.map((s, i) => (i === 2 ? { ...s, sourceChanged: true, translation: { ...s.translation!, state: 'translated' as const } } : s)), '0.1.0');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['tu', 'tuv'].includes(name) }).parse(tmx);
    assert.strictEqual(parsed.tmx['@version'], '1.4b');
    assert.deepStrictEqual([parsed.tmx.header['@srclang'], parsed.tmx.header['@creationtool']], ['zh-Hant', 'Bilingual Reader']);
    assert.deepStrictEqual(
      parsed.tmx.body.tu.map((tu: { '@tuid': string; tuv: { '@xml:lang': string; seg: string }[] }) => [tu['@tuid'], ...tu.tuv.map((v) => `${v['@xml:lang']}=${v.seg}`)]),
      [
        ['s1', 'zh-Hant=美國商務部表示，將收緊管制。', 'en=The Commerce Department said it would tighten <controls> & more.'],
      ],
    );
  });

  test('characters XML cannot hold (a vertical tab from a PDF, a lone surrogate) leave the export well-formed', () => {
    const odd = aligned.map((s, i) => (i === 0 ? { ...s, source: `${s.source}\u000b`, translation: { ...s.translation!, target: 'Broken \ud800 text\u000c' } } : s));
    const xml = toXliff(article, odd, 'changed');
    assert.strictEqual(XMLValidator.validate(xml), true);
    assert.ok(xml.includes('Broken \ufffd text\ufffd'));
    assert.strictEqual(xmlSafe('a\u0009b\nc\ud83d\ude00'), 'a\u0009b\nc\ud83d\ude00', 'tabs, line breaks and surrogate pairs stay');
  });
});

