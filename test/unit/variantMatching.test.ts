import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { builtinEntries } from '../../src/core/glossary/builtinGlossary';
import { TermMatcher } from '../../src/core/glossary/termMatcher';
import { VARIANT_GROUPS } from '../../src/core/glossary/variantCharacters';
import { productReaders } from './readingKey';
import { referenceArticle } from './testData';
import { glossaryWordsIn } from '../../src/core/readings/columnReadings';

/** The variant groups as variantCharacters.ts says they are made, from opencc-js's dictionaries. */
function variantGroupsFromOpenCC(): string {
  const dict = (name: string) => {
    const file = path.resolve(__dirname, '..', '..', '..', 'node_modules', 'opencc-js', 'dist', 'esm-lib', 'dict', `${name}.js`);
    return fs.readFileSync(file, 'utf8').match(/"([^"]*)"/)![1]!.split('|').map((pair) => pair.split(' ') as [string, string]);
  };
  const pairs: string[] = [];
  for (const name of ['HKVariants', 'TWVariants']) {
    for (const [a, b] of dict(name)) {
      if ([...a].length === 1 && [...b].length === 1) {
        pairs.push(a + b);
      }
    }
  }
  const uses = new Map<string, number>();
  for (const name of ['HKVariantsPhrases', 'TWVariantsPhrases']) {
    for (const [a, b] of dict(name)) {
      const [from, to] = [[...a], [...b]];
      if (from.length === to.length) {
        from.forEach((c, i) => c !== to[i] && uses.set(c + to[i], (uses.get(c + to[i]) ?? 0) + 1));
      }
    }
  }
  pairs.push(...[...uses].filter(([pair, n]) => n >= 2 && pair !== '臘腊').map(([pair]) => pair));
  const group = new Map<string, string[]>();
  const of = new Map<string, string[]>();
  for (const [a, b] of pairs.map((p) => [...p] as [string, string])) {
    const ga = of.get(a);
    const gb = of.get(b);
    if (ga && gb && ga !== gb) {
      ga.push(...gb);
      gb.forEach((c) => of.set(c, ga));
      group.delete(gb[0]!);
    } else if (ga || gb) {
      const g = (ga ?? gb)!;
      for (const c of [a, b]) {
        if (!of.has(c)) {
          g.push(c);
          of.set(c, g);
        }
      }
    } else {
      const g = [a, b];
      group.set(a, g);
      of.set(a, g);
      of.set(b, g);
    }
  }
  return [...group.values()].map((g) => g.join('')).join(' ');
}

suite('variant-proof term matching', () => {
  const matcher = new TermMatcher(builtinEntries('Built-in'));
  const found = (text: string) => matcher.findAll(text).map((h) => text.slice(h.start, h.end));

  test('the variant groups are OpenCC’s, as variantCharacters.ts describes them', () => {
    assert.strictEqual(VARIANT_GROUPS, variantGroupsFromOpenCC());
  });

  test('terms match in whatever variant characters the text uses', () => {
    assert.deepStrictEqual(found('華爲、關税、最終用户、脱鈎、實體清單'), ['華爲', '關税', '最終用户', '脱鈎', '實體清單']);
  });

  test('Latin terms match in any case and only as whole words', () => {
    const latin = new TermMatcher(
      ['NVIDIA', 'H20', 'EAR'].map((term) => ({ term, variants: [], english: [term], origin: 'builtin' as const, sourceName: 'test' })),
    );
    const words = (text: string) => latin.findAll(text).map((h) => text.slice(h.start, h.end));
    assert.deepStrictEqual(words('Nvidia的H20與nvidia的H200'), ['Nvidia', 'H20', 'nvidia']);
    assert.deepStrictEqual(words('YEAR 2025, CLEAR; EAR規則'), ['EAR']);
  });

  test('spaces an extractor left between Han characters do not hide a term; a space beside Latin text does', () => {
    assert.deepStrictEqual(found('列入實體 清單的出口 管制'), ['實體 清單', '出口 管制']);
  });

  test('every Huawei of the reference article’s cn→t column is found, as in the Simplified one', () => {
    const converter = new ChineseConverter();
    const article = referenceArticle();
    const simplified = converter.convert(article, { from: 'hk', to: 'cn' });
    const generic = converter.convert(simplified, { from: 'cn', to: 't' });
    assert.ok(generic.includes('華爲'), 'OpenCC’s generic Traditional writes 華爲');
    const huawei = (text: string) => matcher.findAll(text).filter((h) => h.entry.traditional === '華為').length;
    assert.ok(huawei(simplified) >= 15, `only ${huawei(simplified)} in the Simplified column`);
    assert.strictEqual(huawei(generic), huawei(simplified));
  });

  test('overlapping terms: CC-CEDICT’s words pick 華為 in 對華為的封鎖 and 對華 in 對華為了; the leftmost wins without them', () => {
    const { matcher: withWords } = productReaders();
    const words = (text: string) => withWords.findAll(text).map((h) => text.slice(h.start, h.end));
    assert.deepStrictEqual(found('美國對華為的封鎖和對華政策'), ['對華', '封鎖', '對華']);
    assert.deepStrictEqual(words('美國對華為的封鎖和對華政策'), ['華為', '封鎖', '對華']);
    assert.deepStrictEqual(words('美国对华为的封锁'), ['华为', '封锁']);
    assert.deepStrictEqual(words('美國對華爲的封鎖'), ['華爲', '封鎖'], 'OpenCC’s generic Traditional 爲');
    assert.deepStrictEqual(words('美國對華為了遏制中國'), ['對華', '遏制']);
    // Readings know both terms of an overlap, the one set aside too, whichever won.
    const known = (text: string) => glossaryWordsIn(withWords, text).map((w) => text.slice(w.start, w.end)).sort();
    assert.deepStrictEqual(known('美國對華為的封鎖'), ['華為', '對華', '封鎖'].sort());
    assert.deepStrictEqual(known('美國對華為了遏制中國'), ['對華', '華為', '遏制'].sort());
  });
});
