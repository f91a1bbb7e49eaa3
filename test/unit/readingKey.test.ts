import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { compareWithKey, READINGS_FIXTURES, readKey } from './readingKey';
import { referenceArticle } from './testData';

/** Errors per 1,000 Han characters, as the closing notes and BENCHMARKS.md report them. */
const rate = (errors: number, checked: number) => (1000 * errors) / checked;
const show = (d: { offset: number; expected: string; actual: string; context: string }) => `${d.offset} ${d.context}: ${d.actual} (key ${d.expected})`;

suite('reading keys', () => {
  test('the reference article reads exactly as its reviewed key', () => {
    const { checked, differences } = compareWithKey(referenceArticle(), readKey('wenweipo-2025-05-22.key.tsv'), { from: 'hk', to: 'cn' });
    console.log(`      wenweipo: ${differences.length} differences in ${checked} Han characters (${rate(differences.length, checked).toFixed(2)} per 1,000)`);
    assert.ok(checked > 4000, `only ${checked} characters checked`);
    assert.deepStrictEqual(differences.map(show), []);
  });

  for (const [name, direction] of [
    ['cna-2026-02-12-chip-equipment-controls.zh-Hant-TW', { from: 'tw', to: 'cn' }],
    ['mofcom-2025-06-12-foreign-trade.zh-Hans-CN', { from: 'cn', to: 'hk' }],
    ['info-gov-hk-2017-02-07-innovation-technology.zh-Hant-HK', { from: 'hk', to: 'cn' }],
    ['peoples-daily-2025-03-05-opening-up.zh-Hans-CN', { from: 'cn', to: 'hk' }],
  ] as const) {
    test(`${name} reads within 2 errors per 1,000 Han characters of its reviewed key`, () => {
      const text = fs.readFileSync(path.join(READINGS_FIXTURES, `${name}.txt`), 'utf8');
      const { checked, differences } = compareWithKey(text, readKey(`${name}.key.tsv`), direction);
      console.log(`      ${name}: ${differences.length} differences in ${checked} Han characters (${rate(differences.length, checked).toFixed(2)} per 1,000)`);
      differences.forEach((d) => console.log(`        ${show(d)}`));
      assert.ok(checked > 400, `only ${checked} characters checked`);
      assert.ok(rate(differences.length, checked) <= 2, differences.map(show).join('\n'));
    });
  }
});
