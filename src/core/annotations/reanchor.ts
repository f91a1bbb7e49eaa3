import diff from 'fast-diff';
import { loadApproxStringMatch } from '../lazyModules';
import { Annotation, positionOf, quoteOf, TextRange } from './annotation';

/**
 * How a note was last placed in its text: at its stored position, at another occurrence of its exact
 * quote, at an approximate match of its quote (to be reviewed by the user), or nowhere (an orphan).
 */
export type PlacementMethod = 'position' | 'quote' | 'fuzzy' | 'orphan';

export interface AnchorResult {
  readonly range: TextRange;
  readonly method: Exclude<PlacementMethod, 'orphan'>;
  /** The placement's score, 0–1 (see {@link anchorAnnotation}). */
  readonly score: number;
}

/**
 * The standards a placement must meet. An exact occurrence is not enough: news repeats its lead in the
 * body and a short quote (美國) occurs many times, so a candidate is scored on how much of its stored
 * context surrounds it, as Hypothesis's anchoring does (dom-anchor-text-quote: quote, prefix, suffix
 * and a position hint), and must reach a minimum.
 */
const STANDARDS = {
  /** Weight of the context (prefix and suffix similarity) in a candidate's score; the rest is closeness to the old position. */
  contextWeight: 0.8,
  /** An exact occurrence needs this score (0–1): about half its context, or all of one side, must still be there. */
  exactMinimum: 0.5,
  /** A fuzzy match's quote must be at least this similar to the stored quote (share of characters kept). */
  fuzzyQuoteMinimum: 0.75,
  /** A fuzzy match needs this combined score of quote and context. */
  fuzzyMinimum: 0.6,
  /** …and must beat the best match elsewhere (not overlapping it) by this much, or it is ambiguous. */
  fuzzyMargin: 0.1,
} as const;

/**
 * Finds a note's text in `text` (UTF-16 offsets), or undefined: the note is then an orphan, kept as it
 * was. In order:
 * 1. **Exact quote.** Every occurrence of the quote is scored: 0.8 × context similarity (the stored
 *    32-character prefix and suffix against the text around the occurrence, by a character diff) +
 *    0.2 × closeness to the stored position; the best wins if it scores at least 0.5. Method
 *    `position` when it is at the stored position, `quote` otherwise.
 * 2. **Approximate quote** (approx-string-match, at most a quarter of the characters edited; the
 *    closest matches in the text and around the old position), when no exact occurrence qualifies.
 *    A match must keep at least 75% of the quote's characters, change no Latin letter, digit or Han
 *    numeral (names and figures distinguish texts), replace no run of two or more characters by two
 *    or more others (a replaced word — 美國商務部 → 日本經產省 — is other text, not an edit of it),
 *    score at least 0.6 on quote and context together, and beat the best non-overlapping alternative
 *    — exact occurrences that failed step 1 included — by 0.1. Method `fuzzy`: the user should review
 *    it (a one-character change such as 中方 → 日方 passes, flagged).
 */
export function anchorAnnotation(annotation: Annotation, text: string): AnchorResult | undefined {
  const quote = quoteOf(annotation);
  if (quote.exact.length === 0) {
    return undefined;
  }
  const hint = positionOf(annotation).start;
  const exact = bestExact(text, quote.exact, quote.prefix, quote.suffix, hint);
  if (exact && exact.score >= STANDARDS.exactMinimum) {
    return { range: { start: exact.at, end: exact.at + quote.exact.length }, method: exact.at === hint ? 'position' : 'quote', score: exact.score };
  }
  return bestFuzzy(text, quote.exact, quote.prefix, quote.suffix, hint);
}

/**
 * Share (0–1) of `stored` found, in order, in `actual` (a character diff, fast-diff); 1 when nothing
 * was stored. With `anchor`, a kept character counts only when its distance from that end of both
 * strings differs by at most CONTEXT_SHIFT (2): context is evidence only where it is, so the shifted
 * context of a neighbouring occurrence (the first 美國 of a sentence, for a note on the second) does
 * not count. A word of up to two characters inserted beside the quote costs only itself; a longer
 * one costs that whole side (the other side still places the note).
 */
function similarity(stored: string, actual: string, anchor?: 'start' | 'end'): number {
  if (stored.length === 0) {
    return 1;
  }
  let kept = 0;
  let i = 0;
  let j = 0;
  for (const [op, part] of diff(stored, actual)) {
    if (op === diff.EQUAL) {
      const shift = anchor === 'end' ? Math.abs(stored.length - i - (actual.length - j)) : Math.abs(i - j);
      if (anchor === undefined || shift <= CONTEXT_SHIFT) {
        kept += part.length;
      }
    }
    i += op === diff.INSERT ? 0 : part.length;
    j += op === diff.DELETE ? 0 : part.length;
  }
  return kept / stored.length;
}

/** How far (characters) context may have shifted and still count. */
const CONTEXT_SHIFT = 2;

function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const stored = prefix.length + suffix.length;
  if (stored === 0) {
    return 1;
  }
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  // Each side weighs by its stored length: a note near the start of the text has a short prefix.
  return (similarity(prefix, before, 'end') * prefix.length + similarity(suffix, after, 'start') * suffix.length) / stored;
}

function closeness(at: number, hint: number, length: number): number {
  return 1 - Math.min(1, Math.abs(at - hint) / Math.max(1, length));
}

/**
 * An occurrence whose context is this intact character for character (no diff needed) is taken
 * without scoring the others by diff: 1,000 notes on a 1 MB article took 3.2 s with a diff for every
 * occurrence of every quote (BENCHMARKS.md).
 */
const SURE_SCORE = 0.9;

function bestExact(text: string, exact: string, prefix: string, suffix: string, hint: number): { at: number; score: number } | undefined {
  const occurrences: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    occurrences.push(at);
  }
  if (occurrences.length === 0) {
    return undefined;
  }
  const near = (at: number) => (1 - STANDARDS.contextWeight) * closeness(at, hint, text.length);
  // First the cheap test: the stored context still touching the occurrence, unchanged.
  const stored = Math.max(1, prefix.length + suffix.length);
  let sure: { at: number; score: number } | undefined;
  for (const at of occurrences) {
    const touching =
      commonSuffixLength(text.slice(Math.max(0, at - prefix.length), at), prefix) + commonPrefixLength(text.slice(at + exact.length, at + exact.length + suffix.length), suffix);
    const score = STANDARDS.contextWeight * (prefix.length + suffix.length === 0 ? 1 : touching / stored) + near(at);
    if (score >= SURE_SCORE && (!sure || score > sure.score)) {
      sure = { at, score };
    }
  }
  if (sure) {
    return sure;
  }
  let best: { at: number; score: number } | undefined;
  for (const at of occurrences) {
    const score = STANDARDS.contextWeight * contextScore(text, at, at + exact.length, prefix, suffix) + near(at);
    if (!best || score > best.score) {
      best = { at, score };
    }
  }
  return best;
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

/**
 * Characters that tell one text from a look-alike: Latin letters, digits and Han numerals (三十 →
 * 五十 is another figure). Changing any of them makes other text.
 */
const DISTINGUISHING = /[\p{Script=Latin}\p{N}〇零一二兩两三四五六七八九十百千萬万億亿兆]/u;

/**
 * Whether `found` is an edit of `quote` rather than other text: no distinguishing character (Latin
 * letter, digit, Han numeral) is removed, added or replaced, and no run of two or more characters is
 * replaced by two or more others (a replaced word).
 */
function keepsDistinguishingCharacters(quote: string, found: string): boolean {
  const parts = diff(quote, found);
  for (let i = 0; i < parts.length; i++) {
    const [op, part] = parts[i]!;
    if (op === diff.EQUAL) {
      continue;
    }
    if ([...part].some((c) => DISTINGUISHING.test(c))) {
      return false;
    }
    const next = parts[i + 1];
    if (op === diff.DELETE && next?.[0] === diff.INSERT && part.length >= 2 && next[1].length >= 2) {
      return false;
    }
  }
  return true;
}

/** `offset` moved off the low half of a surrogate pair, towards `direction` (UTF-16 offsets). */
function onCodePoint(text: string, offset: number, direction: -1 | 1): number {
  const code = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && code >= 0xdc00 && code <= 0xdfff ? offset + (direction < 0 ? -1 : 1) : offset;
}

/**
 * Approximate matches of the quote: approx-string-match returns only the matches with the fewest
 * errors in the whole text, so the note's own place, edited a little more than a look-alike
 * elsewhere, would not be among them: it is searched for again around the old position. Exact
 * occurrences (which failed the exact standard) come back as rivals only, never as the choice.
 */
function fuzzyCandidates(text: string, exact: string, hint: number, maxErrors: number): { start: number; end: number; rivalOnly: boolean }[] {
  const search = loadApproxStringMatch();
  const seen = new Set<string>();
  const found: { start: number; end: number; rivalOnly: boolean }[] = [];
  const add = (start: number, end: number) => {
    const range = { start: onCodePoint(text, start, -1), end: onCodePoint(text, end, 1) };
    const key = `${range.start}:${range.end}`;
    if (!seen.has(key)) {
      seen.add(key);
      found.push({ ...range, rivalOnly: text.slice(range.start, range.end) === exact });
    }
  };
  for (const match of search(text, exact, maxErrors)) {
    add(match.start, match.end);
  }
  // Around the old position: tightly (where an edit of its own text leaves it), then more widely
  // (where edits before it moved it); each window's closest matches.
  for (const margin of [maxErrors + 2, 2 * exact.length + 64]) {
    const from = Math.max(0, hint - margin);
    const window = text.slice(from, Math.min(text.length, hint + exact.length + margin));
    for (const match of search(window, exact, maxErrors)) {
      add(from + match.start, from + match.end);
    }
  }
  for (let at = text.indexOf(exact), n = 0; at !== -1 && n < 100; at = text.indexOf(exact, at + 1), n++) {
    add(at, at + exact.length);
  }
  return found;
}

function bestFuzzy(text: string, exact: string, prefix: string, suffix: string, hint: number): AnchorResult | undefined {
  const maxErrors = Math.floor(exact.length / 4);
  if (maxErrors === 0) {
    return undefined;
  }
  const candidates: { range: TextRange; score: number; rivalOnly: boolean }[] = [];
  for (const { start, end, rivalOnly } of fuzzyCandidates(text, exact, hint, maxErrors)) {
    const found = text.slice(start, end);
    const quoteScore = similarity(exact, found);
    if (!rivalOnly && (quoteScore < STANDARDS.fuzzyQuoteMinimum || !keepsDistinguishingCharacters(exact, found))) {
      continue;
    }
    const context = contextScore(text, start, end, prefix, suffix);
    // The quote counts as much as its context; closeness to the old place only breaks near-ties.
    const score = 0.5 * quoteScore + 0.4 * context + 0.1 * closeness(start, hint, text.length);
    candidates.push({ range: { start, end }, score, rivalOnly });
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best || best.rivalOnly) {
    return undefined;
  }
  const rival = candidates.find((c) => c.range.end <= best.range.start || c.range.start >= best.range.end);
  if (best.score < STANDARDS.fuzzyMinimum || (rival && best.score - rival.score < STANDARDS.fuzzyMargin)) {
    return undefined;
  }
  return { range: best.range, method: 'fuzzy', score: best.score };
}
