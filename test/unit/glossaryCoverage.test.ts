import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { segmentRun } from '../../src/core/readings/wordSegmentation';
import { productReaders } from './readingKey';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
/** The share of the reviewed terms the product must explain, over all held-out texts together. */
const REQUIRED = 0.85;

interface Coverage {
  readonly text: string;
  readonly terms: number;
  /** Explained by the built-in glossary alone: every letter or digit of the term in a glossary hit. */
  readonly byGlossary: number;
  /** Explained by what the hover shows (see `explained`). */
  readonly explained: number;
  readonly missed: readonly string[];
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Kinds of term whose rendering is a name fixed by its owner: only the glossary explains them. */
const NAMED = new Set(['institution', 'law', 'list', 'company', 'product', 'person', 'title']);

/**
 * Measures one held-out text: its reviewed terms (`<slug>.terms.tsv`) against the built-in glossary
 * and CC-CEDICT as the product finds them (the reader's matcher, CC-CEDICT words by the readings'
 * segmentation). A term is explained when every letter or digit of its first occurrence is covered by
 * what a hover there shows: glossary terms and CC-CEDICT words. A named term (an institution, law,
 * list, company, product, person or title: NAMED) needs at least one glossary term inside it
 * (特朗普政府 = the glossary's 特朗普 + 政府), since a dictionary's word-by-word gloss of a name is no
 * translation of it; for the other kinds (policy, technology, economy, place, usage) CC-CEDICT's
 * words are an explanation (出口限制 = 出口 + 限制, 斯德哥爾摩 Stockholm).
 */
function coverageOf(folder: string, slug: string): Coverage {
  const text = fs.readFileSync(path.join(folder, `${slug}.txt`), 'utf8');
  const rows = fs.readFileSync(path.join(folder, `${slug}.terms.tsv`), 'utf8').split('\n').slice(1).filter((l) => l.trim().length > 0);
  const { matcher, dictionary } = productReaders();
  const glossary = new Uint8Array(text.length);
  for (const hit of matcher.findAll(text)) {
    glossary.fill(1, hit.start, hit.end);
  }
  const words = new Uint8Array(text.length);
  for (const run of text.matchAll(/\p{Script=Han}+/gu)) {
    for (const token of segmentRun(text, undefined, run.index, run.index + run[0].length, dictionary)) {
      if (token.entries) {
        words.fill(1, token.start, token.end);
      }
    }
  }
  let byGlossary = 0;
  const missed: string[] = [];
  for (const row of rows) {
    const [term, , kind] = row.split('\t') as [string, string, string];
    const at = text.indexOf(term);
    assert.ok(at !== -1, `${slug}: ${term} does not occur in its text`);
    const offsets = [...Array(term.length).keys()].map((k) => at + k).filter((i) => LETTER_OR_DIGIT.test(text[i]!));
    const inGlossary = offsets.every((i) => glossary[i]);
    const shown = offsets.every((i) => glossary[i] || words[i]) && (!NAMED.has(kind) || offsets.some((i) => glossary[i]));
    byGlossary += inGlossary ? 1 : 0;
    if (!inGlossary && !shown) {
      missed.push(term);
    }
  }
  return { text: slug, terms: rows.length, byGlossary, explained: rows.length - missed.length, missed };
}

function slugsIn(folder: string): string[] {
  return fs.existsSync(folder)
    ? fs
        .readdirSync(folder)
        .filter((f) => f.endsWith('.terms.tsv'))
        .map((f) => f.slice(0, -'.terms.tsv'.length))
        .sort()
    : [];
}

suite('glossary coverage on held-out texts (test/fixtures/coverage*)', () => {
  // Four sets, each made without seeing the glossary; which of them the growth rounds' scope saw, and
  // so which figure is the honest one for a new text, is in test/fixtures/coverage/README.md.
  const sets = ['coverage', 'coverage-sealed', 'coverage-final', 'coverage-fourth', 'coverage-fifth', 'coverage-sixth'].map((name) => ({ name, folder: path.join(FIXTURES, name) }));

  test(`the product explains at least ${REQUIRED * 100}% of the terms a translator would want glossed`, () => {
    const results = sets.flatMap(({ folder }) => slugsIn(folder).map((slug) => coverageOf(folder, slug)));
    assert.ok(results.length >= 6, `only ${results.length} texts`);
    const sum = (pick: (c: Coverage) => number) => results.reduce((n, r) => n + pick(r), 0);
    const terms = sum((r) => r.terms);
    const percent = (n: number) => `${((100 * n) / terms).toFixed(1)}%`;
    const report = results.map((r) => `  ${r.text}: ${r.explained}/${r.terms} (glossary alone ${r.byGlossary})${r.missed.length ? ` — missed ${r.missed.join('、')}` : ''}`).join('\n');
    for (const { name, folder } of sets) {
      const set = results.filter((r) => slugsIn(folder).includes(r.text));
      const n = set.reduce((k, r) => k + r.terms, 0);
      console.log(`      ${name}: ${set.reduce((k, r) => k + r.explained, 0)}/${n} explained, ${set.reduce((k, r) => k + r.byGlossary, 0)}/${n} by the glossary alone`);
    }
    console.log(`      coverage: ${sum((r) => r.explained)}/${terms} = ${percent(sum((r) => r.explained))} (the built-in glossary alone: ${percent(sum((r) => r.byGlossary))})\n${report}`);
    assert.ok(sum((r) => r.explained) / terms >= REQUIRED, `${sum((r) => r.explained)}/${terms} terms explained:\n${report}`);
    // The newest sealed set is the one no growth round has seen (its first measurement: 124/140).
    const newest = results.filter((r) => slugsIn(sets[sets.length - 1]!.folder).includes(r.text));
    const newestExplained = newest.reduce((k, r) => k + r.explained, 0) / newest.reduce((k, r) => k + r.terms, 0);
    assert.ok(newestExplained >= REQUIRED, `the newest sealed set: ${(100 * newestExplained).toFixed(1)}% explained`);
  });
});
