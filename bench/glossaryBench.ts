import * as fs from 'fs';
import * as path from 'path';
import { builtinEntries } from '../src/core/glossary/builtinGlossary';
import { CedictDictionary } from '../src/core/glossary/cedictDictionary';
import { findDocumentTerms, termAtOffset } from '../src/core/glossary/documentTerms';
import { TermMatcher } from '../src/core/glossary/termMatcher';
import { articleOfSize, nowMs, summarize } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');

export interface GlossaryFigures {
  readonly buildMatcher: ReturnType<typeof summarize>;
  readonly loadDictionary: ReturnType<typeof summarize>;
  readonly scanText: ReturnType<typeof summarize>;
  readonly scanDocument: ReturnType<typeof summarize>;
  readonly hoverTerm: ReturnType<typeof summarize>;
  readonly hoverDictionary: ReturnType<typeof summarize>;
  readonly entries: number;
  readonly dictionaryWords: number;
}

/** Glossary hot paths on a 1 MB article: building, scanning (raw text, and reflowed as the hover does), hover lookups. */
export function glossaryFigures(article: string): GlossaryFigures {
  const entries = builtinEntries('Built-in glossary');
  const buildTimes: number[] = [];
  let matcher = new TermMatcher(entries);
  for (let i = 0; i < 20; i++) {
    const start = nowMs();
    matcher = new TermMatcher(entries);
    buildTimes.push(nowMs() - start);
  }
  const tsv = fs.readFileSync(path.join(ROOT, 'dist', 'cedict.tsv'), 'utf8');
  const loadTimes: number[] = [];
  let dictionary = CedictDictionary.parse(tsv);
  for (let i = 0; i < 5; i++) {
    const start = nowMs();
    dictionary = CedictDictionary.parse(tsv);
    loadTimes.push(nowMs() - start);
  }
  const text = articleOfSize(article, 1_000_000);
  const scanTimes: number[] = [];
  const documentTimes: number[] = [];
  let hits = findDocumentTerms(text, matcher);
  for (let i = 0; i < 30; i++) {
    let start = nowMs();
    matcher.findAll(text);
    scanTimes.push(nowMs() - start);
    start = nowMs();
    hits = findDocumentTerms(text, matcher);
    documentTimes.push(nowMs() - start);
  }
  const hoverTimes: number[] = [];
  const dictionaryTimes: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const offset = Math.floor(((i * 7919) % 10007) / 10007 * text.length);
    let start = nowMs();
    termAtOffset(hits, offset);
    hoverTimes.push(nowMs() - start);
    start = nowMs();
    dictionary.lookup(text, offset);
    dictionaryTimes.push(nowMs() - start);
  }
  return {
    buildMatcher: summarize(buildTimes),
    loadDictionary: summarize(loadTimes),
    scanText: summarize(scanTimes),
    scanDocument: summarize(documentTimes),
    hoverTerm: summarize(hoverTimes),
    hoverDictionary: summarize(dictionaryTimes),
    entries: entries.length,
    dictionaryWords: dictionary.size,
  };
}
