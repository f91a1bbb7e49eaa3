import * as assert from 'assert';
import type { GlossaryEntry } from '../../src/core/glossary/glossaryEntry';
import { TermMatcher } from '../../src/core/glossary/termMatcher';
import { reflow } from '../../src/core/reader/reflow';
import { checkTranslations, sourceNumbers, targetNumbers } from '../../src/core/translation/qualityChecks';
import { alignTranslations, articleSegments } from '../../src/core/translation/segmentTranslations';
import { storedTranslation } from './testData';

const entry = (term: string, english: string[]): GlossaryEntry => ({ term, variants: [], english, origin: 'builtin', sourceName: 'test' });

suite('translation checks (issue 14)', () => {
  const matcher = new TermMatcher([entry('出口管制', ['export control', 'export controls']), entry('英偉達', ['Nvidia']), entry('實體清單', ['Entity List'])]);
  const text = [
    '美國收緊出口管制，英偉達損失150億美元。',
    '5月21日，英偉達股價下跌95%。',
    '實體清單再度擴大。',
    '英偉達股價下跌。',
    '英偉達股價下跌。',
  ].join('\n\n') + '\n';
  const check = (translations: [number, string, ('draft' | 'translated' | 'reviewed')?][], language = 'en') => {
    const segments = articleSegments(reflow(text));
    const stored = translations.map(([i, target, state]) => storedTranslation(text, i, target, state ?? 'translated'));
    return checkTranslations(alignTranslations(text, segments, stored).segments, matcher, language).map((f) => [f.segment, f.kind, f.detail]);
  };

  test('numbers: Chinese units, percentages and dates are read in both languages', () => {
    assert.deepStrictEqual(sourceNumbers('損失150億美元，股價跌９５%，5月21日'), [
      { value: 1.5e10, written: '150億' },
      { value: 95, written: '95' },
      { value: 5, written: '5' },
      { value: 21, written: '21' },
    ]);
    const values = targetNumbers('a US$15 billion loss, down 95% on 21 May; 3bn; 1,200 units');
    for (const value of [15, 1.5e10, 95, 21, 5, 3e9, 1200]) {
      assert.ok(values.has(value), `${value}`);
    }
  });

  test('numbers of public texts not tuned for (test/fixtures: Wen Wei Po, LTN, China.com) are carried by their usual English', () => {
    const pairs: [string, string][] = [
      ['承諾直接投資與信貸擔保總額達5000億美元', 'pledged US$500 billion in direct investment and credit guarantees'],
      ['去年香港的外來直接投資流入金額達1,260億美元', 'inflows of foreign direct investment into Hong Kong reached US$126 billion last year'],
      ['儲存有色金屬超過2萬噸', 'storing more than 20,000 tonnes of non-ferrous metals'],
      ['出口額達25万亿元', 'exports reached a 25-trillion-yuan total'],
      ['中國市場規模每年可能高達500億美元', 'the Chinese market could be worth US$50bn a year'],
    ];
    for (const [source, target] of pairs) {
      const values = targetNumbers(target);
      assert.ok(sourceNumbers(source).every((n) => values.has(n.value)), `${source} → ${target}`);
    }
  });

  test('a faithful translation raises nothing; inflected renderings count', () => {
    assert.deepStrictEqual(
      check([
        [0, 'The US tightened its export controls, and Nvidia lost US$15 billion.'],
        [1, 'On 21 May Nvidia shares fell 95%.'],
        [2, 'The Entity List grew again.'],
      ]),
      [],
    );
  });

  test('each check finds what it is for', () => {
    assert.deepStrictEqual(
      check([
        [0, 'The US tightened its curbs, and Nvidia lost US$1.5 billion.'],
        [1, 'On 21 May 英偉達 shares fell 95%.'],
        [2, '', 'reviewed'],
        [3, 'Nvidia shares fell.'],
        [4, 'Nvidia stock dropped.'],
      ]),
      [
        [0, 'term', '出口管制'],
        [0, 'number', '150億'],
        [1, 'term', '英偉達'],
        [1, 'han', '英偉達'],
        [2, 'empty', ''],
        [4, 'inconsistent', '3'],
      ],
    );
  });

  test('Han characters belong in a translation into Chinese or Japanese', () => {
    assert.deepStrictEqual(check([[3, '輝達股價下跌。']], 'zh-TW').filter(([, kind]) => kind === 'han'), []);
  });
});
