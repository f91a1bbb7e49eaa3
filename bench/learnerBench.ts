import * as fs from 'fs';
import * as path from 'path';
import { ChineseConverter } from '../src/core/conversion/chineseConverter';
import { builtinEntries } from '../src/core/glossary/builtinGlossary';
import { CedictDictionary } from '../src/core/glossary/cedictDictionary';
import { DictionaryWordBoundaries } from '../src/core/glossary/dictionaryWordBoundaries';
import { TermMatcher } from '../src/core/glossary/termMatcher';
import { articleWords } from '../src/core/learning/articleWords';
import { readingLevel } from '../src/core/learning/readingLevel';
import { WordFrequencies } from '../src/core/learning/wordFrequency';
import { reflow } from '../src/core/reader/reflow';
import { articleOfSize, nowMs, summarize } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Issue 15's figure: a 1 MB article's words found block by block as the panel shows them (glossary
 * terms, then CC-CEDICT's words; keys in Simplified) and its reading level worked out against a
 * learner who knows every third word, CC-CEDICT, the glossary and the frequency list loaded.
 */
export function learnerFigures(article: string): { wordsAndLevel: ReturnType<typeof summarize>; words: number } {
  const text = articleOfSize(article, 1e6);
  const dictionary = CedictDictionary.parse(fs.readFileSync(path.join(ROOT, 'dist', 'cedict.tsv'), 'utf8'));
  const converter = new ChineseConverter();
  const toSimplified = (t: string) => converter.convert(t, { from: 't', to: 'cn' });
  const matcher = new TermMatcher(builtinEntries('Built-in glossary'), new DictionaryWordBoundaries(() => dictionary, toSimplified));
  const frequencies = WordFrequencies.parse(fs.readFileSync(path.join(ROOT, 'dist', 'word-frequency.txt'), 'utf8'));
  const samples: number[] = [];
  let words = 0;
  for (let run = 0; run < 5; run++) {
    const start = nowMs();
    const found = reflow(text).flatMap((block) => articleWords(block.text, { dictionary, matcher, toSimplified }));
    readingLevel(found, (key) => (key.length % 3 === 0 ? 'known' : 'new'), (key) => frequencies.band(key));
    samples.push(nowMs() - start);
    words = found.length;
  }
  return { wordsAndLevel: summarize(samples), words };
}
