import { ChineseConverter } from '../src/core/conversion/chineseConverter';
import { builtinEntries } from '../src/core/glossary/builtinGlossary';
import { TermMatcher } from '../src/core/glossary/termMatcher';
import { reflow } from '../src/core/reader/reflow';
import { checkTranslations } from '../src/core/translation/qualityChecks';
import { alignTranslations, articleSegments, segmentSelectors, StoredTranslation } from '../src/core/translation/segmentTranslations';
import { TranslationMemory } from '../src/core/translation/translationMemory';
import { articleOfSize, nowMs, summarize } from './stats';

/**
 * Issue 14's figures: segmenting a 1 MB article and checking it with a translation on every third
 * sentence (the glossary's terms, numbers, consistency), and a memory lookup among 10,000 units made
 * from the article's sentences (each numbered, so that they differ), folded to Simplified.
 */
export function translationFigures(article: string): { segmentAndCheck: ReturnType<typeof summarize>; segments: number; memoryLookup: ReturnType<typeof summarize> } {
  const text = articleOfSize(article, 1e6);
  const matcher = new TermMatcher(builtinEntries('Built-in glossary'));
  let segments = 0;
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = nowMs();
    const found = articleSegments(reflow(text));
    const now = '2026-11-30T10:00:00.000Z';
    const stored: StoredTranslation[] = found
      .filter((s) => s.index % 3 === 0)
      .map((s) => ({ id: `00000000-0000-4000-8000-${String(s.index).padStart(12, '0')}`, created: now, modified: now, target: 'The US tightened export controls by 15 billion.', state: 'translated', selector: segmentSelectors(text, s) }));
    checkTranslations(alignTranslations(text, found, stored).segments, matcher, 'en');
    samples.push(nowMs() - start);
    segments = found.length;
  }
  const toSimplified = new ChineseConverter().converterFor({ from: 'hk', to: 'cn' });
  const sentences = article.replace(/\s+/g, '').split(/(?<=[。！？])/).filter((s) => s.length > 4);
  const memory = new TranslationMemory(toSimplified);
  memory.add(Array.from({ length: 10_000 }, (_, i) => {
    const s = sentences[i % sentences.length]!;
    return { source: `${s.slice(0, -2)}${i}。`, target: `T${i}`, origin: 'bench' };
  }));
  const lookups: number[] = [];
  for (let k = 0; k < 200; k++) {
    const start = nowMs();
    memory.lookup(sentences[k % sentences.length]!);
    lookups.push(nowMs() - start);
  }
  return { segmentAndCheck: summarize(samples), segments, memoryLookup: summarize(lookups) };
}
