import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { reflow } from '../../src/core/reader/reflow';
import { alignTranslations, articleSegments, StoredTranslation } from '../../src/core/translation/segmentTranslations';
import { toXliff } from '../../src/core/translation/translationExport';
import { matchImported, readXliff } from '../../src/core/translation/translationImport';
import { referenceArticle, storedTranslation } from './testData';

const sample = (name: string) => fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'xliff', name), 'utf8');

suite('translation import from XLIFF (issue 14)', () => {
  const article = referenceArticle();
  const segments = articleSegments(reflow(article));

  test('OmegaT XLIFF 1.2: translated units in order, an untranslated one left out, a sentence not in the article reported', () => {
    const read = readXliff(sample('omegat.xlf'));
    assert.strictEqual(read.version, '1.2');
    assert.deepStrictEqual(read.segments.map((s) => s.state), ['translated', 'translated', 'translated', 'initial']);
    const { matches, unmatched } = matchImported(segments, read.segments);
    assert.deepStrictEqual(matches.map((m) => [m.segment.index, m.imported.target.slice(0, 14)]), [
      [1, 'Nvidia loses o'],
      [3, "Huang said Nvi"],
    ]);
    assert.deepStrictEqual(unmatched.map((u) => u.target), ['This sentence is not in the article.']);
  });

  test('memoQ XLIFF 1.2: states from target/@state, inline markup dropped', () => {
    const read = readXliff(sample('memoq.mqxliff'));
    assert.deepStrictEqual(read.segments.map((s) => [s.state, s.target.slice(-30)]), [
      ['translated', '’ in the first place have proved fundamentally flawed.”'.slice(-30)],
      ['draft', 'completely wrong for America”.'],
    ]);
    assert.deepStrictEqual(matchImported(segments, read.segments).matches.map((m) => m.segment.index), [2, 5]);
  });

  test('Trados SDLXLIFF: a paragraph unit cut into sentences by <mrk mtype="seg">, signed off', () => {
    const read = readXliff(sample('trados.sdlxliff'));
    assert.deepStrictEqual(read.segments.map((s) => [s.source.slice(0, 6), s.state]), [
      ['黃仁勳表示，', 'reviewed'],
      ['他批評道，美', 'reviewed'],
    ]);
    assert.ok(read.segments[1]!.target.includes('write off US$5.5 billion of inventory'), read.segments[1]!.target);
    assert.deepStrictEqual(matchImported(segments, read.segments).matches.map((m) => m.segment.index), [3, 4]);
  });

  test('XLIFF 2.0 as Export Translation writes it reads back the same sentences, translations and states', () => {
    const stored = (index: number, target: string, state: StoredTranslation['state']) => storedTranslation(article, index, target, state);
    const aligned = alignTranslations(article, segments, [stored(0, 'Zero & <one>', 'reviewed'), stored(2, 'Two', 'draft'), stored(3, 'Three', 'translated')]).segments;
    const read = readXliff(toXliff({ file: 'a.txt', sourceLanguage: 'zh-Hant-HK', targetLanguage: 'en' }, aligned, 'changed'));
    assert.strictEqual(read.version, '2.0');
    assert.deepStrictEqual(read.segments.map((s) => s.source), segments.map((s) => s.source));
    assert.deepStrictEqual(read.segments.slice(0, 5).map((s) => [s.target, s.state]), [
      ['Zero & <one>', 'reviewed'],
      ['', 'initial'],
      ['Two', 'draft'],
      ['Three', 'translated'],
      ['', 'initial'],
    ]);
  });

  test('not XLIFF, or XML with a document type, is refused with the reason', () => {
    assert.throws(() => readXliff('<xliff version="1.2"><file>'), /well-formed/);
    assert.throws(() => readXliff('<tmx version="1.4b"/>'), /no <xliff>/);
    assert.throws(() => readXliff('<xliff version="3.0"/>'), /not 1.2 or 2.0/);
    assert.throws(() => readXliff('<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="1.2"/>'), /document type/);
  });
});
