import type { TermMatcher } from '../glossary/termMatcher';
import { HAN } from '../text/characters';
import type { AlignedSegment } from './segmentTranslations';

/**
 * The checks CAT tools' QA runs (memoQ's QA, Xbench, Verifika), on the segments that have a
 * translation: `term` — a glossary term of the source none of whose English renderings is in the
 * translation; `number` — a number of the source (Chinese units 萬 and 億 included) that the
 * translation does not carry; `empty` — a segment marked translated or reviewed with no translation;
 * `inconsistent` — the same source translated otherwise elsewhere; `han` — Han characters left in a
 * translation into a language not written with them.
 */
export type CheckKind = 'term' | 'number' | 'empty' | 'inconsistent' | 'han';

export interface CheckFinding {
  readonly segment: number;
  readonly kind: CheckKind;
  /** What is missing or wrong: the term, the number as written in the source, the other segment's index, the Han characters. */
  readonly detail: string;
  /** For `term`: the renderings looked for. */
  readonly expected?: readonly string[];
}

/** English endings a rendering may take in a translation: "export control" matches "export controls". */
const ENDINGS = '(?:s|es|ed|d|ing)?';

/** A pattern matching `rendering` as whole words, each with an English ending, in any case. */
function renderingPattern(rendering: string): RegExp {
  const words = rendering
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + (/[A-Za-z]$/.test(w) ? ENDINGS : ''));
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[\\s-]+')}(?![\\p{L}\\p{N}])`, 'iu');
}

const UNITS: Record<string, number> = { 千: 1e3, 萬: 1e4, 万: 1e4, 億: 1e8, 亿: 1e8, 兆: 1e12 };
const ENGLISH_UNITS: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The numbers a Chinese source states: digits (full-width too) with 千/萬/億 applied (萬億 too), and each part of a date. */
export function sourceNumbers(text: string): { value: number; written: string }[] {
  const found: { value: number; written: string }[] = [];
  const normal = text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  for (const m of normal.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*([千萬万億亿兆]{0,2})/g)) {
    let value = Number(m[1]!.replace(/,/g, ''));
    for (const unit of m[2] ?? '') {
      value *= UNITS[unit] ?? 1;
    }
    found.push({ value, written: m[0]!.trim() });
  }
  return found;
}

/** The numbers an English translation states: digits with thousands separators, scaled by million/billion/bn…, and month names as their numbers. */
export function targetNumbers(text: string): Set<number> {
  const values = new Set<number>();
  for (const m of text.matchAll(/(\d[\d,]*(?:\.\d+)?)(?:\s*-?\s*)(thousand|million|billion|trillion|mn|bn|tn|k|m|b)?(?![\p{L}])/giu)) {
    const value = Number(m[1]!.replace(/,/g, ''));
    values.add(value);
    const unit = m[2]?.toLowerCase();
    if (unit) {
      values.add(value * ENGLISH_UNITS[unit]!);
    }
  }
  MONTHS.forEach((month, i) => {
    if (new RegExp(`\\b(${month}|${month.slice(0, 3)}\\.?)\\b`, 'i').test(text)) {
      values.add(i + 1);
    }
  });
  return values;
}

/** Whether `value` is among `values`, allowing for rounding in the last shown digit (1.55 billion for 15.5億). */
function carried(value: number, values: ReadonlySet<number>): boolean {
  for (const v of values) {
    if (v === value || (value !== 0 && Math.abs(v - value) / Math.abs(value) < 1e-9)) {
      return true;
    }
  }
  return false;
}

/**
 * The findings of every check on the translated segments, in segment order. `matcher` finds the
 * glossary's terms in a source; `targetLanguage` (BCP 47) says whether Han characters belong in a
 * translation (zh, ja: they do, and the Han check is off).
 */
export function checkTranslations(segments: readonly AlignedSegment[], matcher: TermMatcher | undefined, targetLanguage: string): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const hanTarget = /^(zh|ja)\b/i.test(targetLanguage);
  const bySource = new Map<string, AlignedSegment[]>();
  for (const segment of segments) {
    const translation = segment.translation;
    if (!translation) {
      continue;
    }
    const target = translation.target.trim();
    if (target.length === 0) {
      if (translation.state === 'translated' || translation.state === 'reviewed') {
        findings.push({ segment: segment.index, kind: 'empty', detail: '' });
      }
      continue;
    }
    const key = segment.source.replace(/\s/gu, '');
    bySource.set(key, [...(bySource.get(key) ?? []), segment]);
    const seen = new Set<string>();
    for (const hit of matcher?.findAll(segment.source) ?? []) {
      const english = hit.entry.english.filter((e) => e.trim().length > 0);
      if (english.length === 0 || seen.has(hit.entry.term)) {
        continue;
      }
      seen.add(hit.entry.term);
      if (!english.some((rendering) => renderingPattern(rendering).test(target))) {
        findings.push({ segment: segment.index, kind: 'term', detail: segment.source.slice(hit.start, hit.end), expected: english });
      }
    }
    const values = targetNumbers(target);
    for (const number of sourceNumbers(segment.source)) {
      if (!carried(number.value, values)) {
        findings.push({ segment: segment.index, kind: 'number', detail: number.written });
      }
    }
    if (!hanTarget) {
      const han = [...target].filter((c) => HAN.test(c)).join('');
      if (han.length > 0) {
        findings.push({ segment: segment.index, kind: 'han', detail: han });
      }
    }
  }
  for (const same of bySource.values()) {
    const first = same[0]!;
    for (const other of same.slice(1)) {
      if (other.translation!.target.trim() !== first.translation!.target.trim()) {
        findings.push({ segment: other.index, kind: 'inconsistent', detail: String(first.index) });
      }
    }
  }
  return findings.sort((a, b) => a.segment - b.segment);
}
