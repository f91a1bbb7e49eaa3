import type { TextRange } from './annotation';

/** An edit as VS Code reports it: `length` characters at `offset` (of the text before the edit) replaced by `text`. */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/**
 * Moves ranges over one batch of changes (all described against the text before the batch and not
 * overlapping, as in a VS Code change event). Text typed right at a range's start or end stays outside
 * it; an edit within a range resizes it, so the note follows its edited text; an edit that takes away
 * one end of a range trims it; a range whose text is deleted entirely becomes undefined, and the
 * caller looks for its text again or keeps its annotation as an orphan.
 */
export function rebaseRanges(ranges: readonly (TextRange | undefined)[], changes: readonly TextChange[]): (TextRange | undefined)[] {
  // From the last change to the first, so that the offsets of the earlier ones stay valid.
  const sorted = [...changes].sort((a, b) => b.offset - a.offset);
  return ranges.map((range) => {
    let current = range;
    for (const change of sorted) {
      if (!current) {
        break;
      }
      current = rebaseOne(current, change);
    }
    return current;
  });
}

function rebaseOne(range: TextRange, change: TextChange): TextRange | undefined {
  const { start, end } = range;
  const changeEnd = change.offset + change.length;
  const delta = change.text.length - change.length;
  if (change.length === 0) {
    if (change.offset <= start) {
      return { start: start + delta, end: end + delta };
    }
    return change.offset >= end ? range : { start, end: end + delta };
  }
  if (changeEnd <= start) {
    return { start: start + delta, end: end + delta };
  }
  if (change.offset >= end) {
    return range;
  }
  if (change.offset <= start && changeEnd >= end) {
    // The whole text replaced (also exactly it: pasting 日本 over a note on 美國): the note is not
    // simply moved onto the new text; the caller looks for its text again, or keeps it as an orphan.
    return undefined;
  }
  if (change.offset >= start && changeEnd <= end) {
    const next = { start, end: end + delta };
    return next.end > next.start ? next : undefined;
  }
  if (change.offset < start) {
    // The edit took the range's beginning: what remains starts after the new text.
    return { start: change.offset + change.text.length, end: end + delta };
  }
  // The edit took the range's end.
  return { start, end: change.offset };
}

/**
 * Where a range whose text one change deleted went, when a change of the same batch inserted that
 * text elsewhere: VS Code's Move Line Up/Down deletes the neighbouring line and inserts it on the
 * other side; drag and drop and some refactorings do the same with any span. `quote` describes the
 * range in the text before the batch (its exact text and up to 32 characters of context, as the
 * annotation's TextQuoteSelector does). The inserted text must hold the quote together with all of
 * its context that lay inside the deleted span, exactly once in the whole batch; otherwise undefined
 * (the note is then an orphan, or found again by its quote). Offsets in UTF-16 code units; the result
 * is in the text after the batch.
 */
export function movedRange(
  range: TextRange,
  quote: { readonly exact: string; readonly prefix: string; readonly suffix: string },
  changes: readonly TextChange[],
  inserted: readonly InsertedText[] = insertedTexts(changes),
): TextRange | undefined {
  const source = changes.find((c) => c.length > 0 && c.offset <= range.start && range.end <= c.offset + c.length);
  if (!source || quote.exact.length !== range.end - range.start) {
    return undefined;
  }
  // The context that went along: what the deleted span held around the quote on its own line (a
  // moved line or span carries its line; the lines around it may be reordered, as Move Line sends
  // one replacement of both lines as often as a delete and an insert).
  const inSpanBefore = quote.prefix.slice(quote.prefix.length - Math.min(quote.prefix.length, range.start - source.offset));
  const inSpanAfter = quote.suffix.slice(0, Math.min(quote.suffix.length, source.offset + source.length - range.end));
  const before = inSpanBefore.slice(inSpanBefore.lastIndexOf('\n') + 1);
  const after = inSpanAfter.includes('\n') ? inSpanAfter.slice(0, inSpanAfter.indexOf('\n')) : inSpanAfter;
  const needle = before + quote.exact + after;
  const found: number[] = [];
  for (const { text, at: start } of inserted) {
    for (let at = text.indexOf(needle); at !== -1 && found.length < 2; at = text.indexOf(needle, at + 1)) {
      found.push(start + at + before.length);
    }
  }
  return found.length === 1 ? { start: found[0]!, end: found[0]! + quote.exact.length } : undefined;
}

/** Text a batch inserted, and where it starts in the text after the batch (UTF-16 offsets). */
export interface InsertedText {
  readonly text: string;
  readonly at: number;
}

/**
 * The texts a batch of changes inserted, each with its offset after the batch: computed once per
 * batch, for every note movedRange looks for (a git pull reloads thousands of lines in one batch).
 */
export function insertedTexts(changes: readonly TextChange[]): InsertedText[] {
  const sorted = [...changes].sort((a, b) => a.offset - b.offset || a.length - b.length);
  const result: InsertedText[] = [];
  let shift = 0;
  for (const change of sorted) {
    if (change.text.length > 0) {
      result.push({ text: change.text, at: change.offset + shift });
    }
    shift += change.text.length - change.length;
  }
  return result;
}
