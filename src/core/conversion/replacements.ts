import diff from 'fast-diff';
import { isLowSurrogate } from '../text/characters';

/** A replacement of `[start, end)` (UTF-16 offsets in the original text) by `text`. */
export interface TextReplacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The smallest set of replacements that turns `original` into `converted`, given at `offset`.
 * Most conversions keep length, so equal-length strings are compared unit by unit (linear);
 * phrase conversions that change length (記憶體 → 内存) go through a character diff.
 * No replacement ever starts or ends inside a surrogate pair.
 */
export function diffReplacements(original: string, converted: string, offset = 0): TextReplacement[] {
  if (original === converted) {
    return [];
  }
  return original.length === converted.length
    ? sameLengthReplacements(original, converted, offset)
    : diffedReplacements(original, converted, offset);
}

function sameLengthReplacements(original: string, converted: string, offset: number): TextReplacement[] {
  const result: TextReplacement[] = [];
  let i = 0;
  while (i < original.length) {
    if (original.charCodeAt(i) === converted.charCodeAt(i)) {
      i++;
      continue;
    }
    let start = i;
    if (start > 0 && isLowSurrogate(original, start)) {
      start--;
    }
    let end = i + 1;
    while (end < original.length && original.charCodeAt(end) !== converted.charCodeAt(end)) {
      end++;
    }
    if (end < original.length && isLowSurrogate(original, end)) {
      end++;
    }
    result.push({ start: offset + start, end: offset + end, text: converted.slice(start, end) });
    i = end;
  }
  return result;
}

/**
 * The spans that differ between `original` and `converted`, aligned by a character diff (fast-diff,
 * Myers' algorithm) even when the two have the same length, so that a conversion that lengthens one
 * word and shortens another (代码在卡塔尔 → 程式碼在卡達) keeps the characters between them aligned.
 * Offsets are UTF-16 code units of `original`.
 */
export function alignedReplacements(original: string, converted: string): TextReplacement[] {
  return original === converted ? [] : diffedReplacements(original, converted, 0);
}

function diffedReplacements(original: string, converted: string, offset: number): TextReplacement[] {
  const result: TextReplacement[] = [];
  let position = 0;
  let pending: { start: number; end: number; text: string } | undefined;
  for (const [op, text] of diff(original, converted)) {
    if (op === diff.EQUAL) {
      if (pending) {
        result.push({ start: offset + pending.start, end: offset + pending.end, text: pending.text });
        pending = undefined;
      }
      position += text.length;
      continue;
    }
    pending ??= { start: position, end: position, text: '' };
    if (op === diff.DELETE) {
      position += text.length;
      pending.end = position;
    } else {
      pending.text += text;
    }
  }
  if (pending) {
    result.push({ start: offset + pending.start, end: offset + pending.end, text: pending.text });
  }
  return result;
}

/** Applies replacements (sorted, non-overlapping) to a text. */
export function applyReplacements(text: string, replacements: readonly TextReplacement[]): string {
  let out = '';
  let last = 0;
  for (const r of replacements) {
    out += text.slice(last, r.start) + r.text;
    last = r.end;
  }
  return out + text.slice(last);
}
