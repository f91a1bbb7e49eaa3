import { isHanAt, isHanBefore, isLowSurrogate } from '../text/characters';
import { alignedReplacements } from './replacements';

/**
 * Line breaks inside words. Text extracted from a PDF breaks lines at the column edge, often inside
 * a word (头⏎发); converted line by line, the two halves convert as separate words (頭⏎發, where
 * the word is 頭髮). These helpers convert such text as if the break were not there and put the
 * break back where it was.
 */

/**
 * Whether the line break at UTF-16 offset `newline` (a `\n`, possibly preceded by `\r`) has a Han
 * character on both sides, so that it may split a word.
 */
export function splitsWord(text: string, newline: number): boolean {
  const before = newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
  return isHanBefore(text, before) && isHanAt(text, newline + 1);
}

/**
 * Wraps `convert` so that line breaks between Han characters do not cut the conversion: the text is
 * converted with those breaks taken out, and each is put back where its offset falls in the
 * conversion, found through the spans the conversion changed (`alignedReplacements`). A break that falls
 * inside a changed span of another length (a Taiwan-phrases conversion such as 元数据 → 後設資料
 * across the break) has no place of its own: then each paragraph (lines joined by such breaks) is
 * tried on its own, and a paragraph where that happens again is converted with its breaks in place,
 * as before. The result always has the same lines as the input.
 */
export function acrossLineBreaks(convert: (text: string) => string): (text: string) => string {
  return (text: string) => {
    const joined = withoutWordBreaks(text);
    if (joined.breaks.length === 0) {
      return convert(text);
    }
    const whole = convertKeepingBreaks(joined, convert);
    if (whole !== undefined) {
      return whole;
    }
    return paragraphs(text)
      .map((paragraph) => {
        const inner = withoutWordBreaks(paragraph);
        return (inner.breaks.length > 0 ? convertKeepingBreaks(inner, convert) : undefined) ?? convert(paragraph);
      })
      .join('');
  };
}

/**
 * Converts text with its word breaks taken out and puts them back; undefined when one has no place in
 * the conversion. The remaining line breaks are never converted (no OpenCC entry holds one), so the
 * converted text's lines match the joined text's one to one, and each break is placed by aligning only
 * its own line (a paragraph): a character diff of the whole text would take quadratic time.
 */
function convertKeepingBreaks(joined: { text: string; breaks: WordBreak[] }, convert: (text: string) => string): string | undefined {
  const converted = convert(joined.text);
  if (converted === joined.text) {
    return restoreBreaks(converted, joined.breaks);
  }
  const originalLines = joined.text.split('\n');
  const convertedLines = converted.split('\n');
  if (originalLines.length !== convertedLines.length) {
    return undefined;
  }
  const moved: WordBreak[] = [];
  let next = 0;
  let originalStart = 0;
  let convertedStart = 0;
  for (let line = 0; line < originalLines.length && next < joined.breaks.length; line++) {
    const original = originalLines[line]!;
    const result = convertedLines[line]!;
    const originalEnd = originalStart + original.length;
    const inLine: WordBreak[] = [];
    while (next < joined.breaks.length && joined.breaks[next]!.at <= originalEnd) {
      inLine.push({ at: joined.breaks[next]!.at - originalStart, text: joined.breaks[next]!.text });
      next++;
    }
    if (inLine.length > 0) {
      const placed = placeBreaks(original, result, inLine);
      if (!placed) {
        return undefined;
      }
      moved.push(...placed.map((b) => ({ at: b.at + convertedStart, text: b.text })));
    }
    originalStart = originalEnd + 1;
    convertedStart += result.length + 1;
  }
  return restoreBreaks(converted, moved);
}

/** Where breaks at offsets of `original` fall in its conversion `converted` (one line of each). */
function placeBreaks(original: string, converted: string, breaks: readonly WordBreak[]): WordBreak[] | undefined {
  const spans = alignedReplacements(original, converted);
  const placed: WordBreak[] = [];
  let span = 0;
  let delta = 0;
  for (const b of breaks) {
    while (span < spans.length && spans[span]!.end <= b.at) {
      delta += spans[span]!.text.length - (spans[span]!.end - spans[span]!.start);
      span++;
    }
    const inside = spans[span];
    if (inside && inside.start < b.at && inside.text.length !== inside.end - inside.start) {
      return undefined;
    }
    const at = b.at + delta;
    if (isLowSurrogate(converted, at)) {
      return undefined;
    }
    placed.push({ at, text: b.text });
  }
  return placed;
}

interface WordBreak {
  /** UTF-16 offset in the text without the breaks. */
  readonly at: number;
  /** `\n` or `\r\n`. */
  readonly text: string;
}

function withoutWordBreaks(text: string): { text: string; breaks: WordBreak[] } {
  const breaks: WordBreak[] = [];
  const parts: string[] = [];
  let last = 0;
  let removed = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
    if (!splitsWord(text, newline)) {
      continue;
    }
    const start = newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
    parts.push(text.slice(last, start));
    breaks.push({ at: start - removed, text: text.slice(start, newline + 1) });
    removed += newline + 1 - start;
    last = newline + 1;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), breaks };
}

function restoreBreaks(text: string, breaks: readonly WordBreak[]): string {
  const parts: string[] = [];
  let last = 0;
  for (const b of breaks) {
    parts.push(text.slice(last, b.at), b.text);
    last = b.at;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** The text cut after each line break that does not split a word; joined, the pieces give the text. */
function paragraphs(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
    if (!splitsWord(text, newline)) {
      pieces.push(text.slice(start, newline + 1));
      start = newline + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

