import { loadApproxStringMatch } from '../lazyModules';
import { Annotation, positionOf, quoteOf, TextRange } from './annotation';

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorResult {
  readonly range: TextRange;
  readonly method: AnchorMethod;
}

/** A fuzzy match must score at least this (0–1) to be accepted. */
const FUZZY_THRESHOLD = 0.6;
/** Weights of the fuzzy score's parts. */
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };

/**
 * Finds an annotation's text in `text`, trying in order: the stored position still holds the quote;
 * the exact quote, the occurrence whose context and place fit best; an approximate match of the quote,
 * scored on the quote, its prefix and suffix and the distance from the old position. Undefined when
 * nothing fits well enough: the annotation is then an orphan.
 */
export function anchorAnnotation(annotation: Annotation, text: string): AnchorResult | undefined {
  const quote = quoteOf(annotation);
  const position = positionOf(annotation);
  if (quote.exact.length === 0) {
    return undefined;
  }
  if (text.slice(position.start, position.end) === quote.exact) {
    return { range: { start: position.start, end: position.end }, method: 'position' };
  }
  const exact = bestExact(text, quote.exact, quote.prefix, quote.suffix, position.start);
  if (exact !== undefined) {
    return { range: { start: exact, end: exact + quote.exact.length }, method: 'quote' };
  }
  const fuzzy = bestFuzzy(text, quote.exact, quote.prefix, quote.suffix, position.start);
  return fuzzy && { range: fuzzy, method: 'fuzzy' };
}

function bestExact(text: string, exact: string, prefix: string, suffix: string, hint: number): number | undefined {
  let best: number | undefined;
  let bestScore = -Infinity;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score =
      commonSuffixLength(text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefixLength(text.slice(at + exact.length, at + exact.length + suffix.length), suffix) -
      Math.abs(at - hint) / Math.max(1, text.length);
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  return best;
}

function bestFuzzy(text: string, exact: string, prefix: string, suffix: string, hint: number): TextRange | undefined {
  const maxErrors = Math.floor(exact.length / 2);
  if (maxErrors === 0) {
    return undefined;
  }
  let best: TextRange | undefined;
  let bestScore = 0;
  const total = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
  for (const match of loadApproxStringMatch()(text, exact, maxErrors)) {
    const quoteScore = 1 - match.errors / exact.length;
    const before = text.slice(Math.max(0, match.start - prefix.length), match.start);
    const after = text.slice(match.end, match.end + suffix.length);
    const prefixScore = prefix.length === 0 ? 1 : commonSuffixLength(before, prefix) / prefix.length;
    const suffixScore = suffix.length === 0 ? 1 : commonPrefixLength(after, suffix) / suffix.length;
    const positionScore = 1 - Math.abs(match.start - hint) / Math.max(1, text.length);
    const score =
      (WEIGHTS.quote * quoteScore + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * positionScore) / total;
    if (quoteScore >= 0.5 && score > bestScore) {
      bestScore = score;
      best = { start: match.start, end: match.end };
    }
  }
  return bestScore >= FUZZY_THRESHOLD ? best : undefined;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) {
    n++;
  }
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) {
    n++;
  }
  return n;
}
