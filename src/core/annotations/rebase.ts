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
 * caller keeps its annotation as an orphan.
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
  if (change.offset >= start && changeEnd <= end) {
    const next = { start, end: end + delta };
    return next.end > next.start ? next : undefined;
  }
  if (change.offset <= start && changeEnd >= end) {
    return undefined;
  }
  if (change.offset < start) {
    // The edit took the range's beginning: what remains starts after the new text.
    return { start: change.offset + change.text.length, end: end + delta };
  }
  // The edit took the range's end.
  return { start, end: change.offset };
}
