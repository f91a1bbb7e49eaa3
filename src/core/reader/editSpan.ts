import type { TextChange } from '../annotations/rebase';

/**
 * What changed in a text since a reference version (the one the reader last rendered): the UTF-16
 * range [start, oldEnd) of the reference text became [start, newEnd) of the current text. A bound,
 * not necessarily the smallest: text typed and deleted again stays inside it.
 */
export interface EditSpan {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * `span` extended by one batch of changes, described against the current text and not overlapping,
 * as in a VS Code change event (`span` undefined: the first batch since the reference). Lets the
 * reader find the edited blocks from VS Code's change ranges instead of comparing whole texts
 * (a 20 MB novel costs tens of milliseconds per comparison).
 */
export function extendEditSpan(span: EditSpan | undefined, changes: readonly TextChange[]): EditSpan | undefined {
  if (changes.length === 0) {
    return span;
  }
  const start = Math.min(...changes.map((c) => c.offset));
  const end = Math.max(...changes.map((c) => c.offset + c.length));
  const delta = changes.reduce((sum, c) => sum + c.text.length - c.length, 0);
  if (!span) {
    return { start, oldEnd: end, newEnd: end + delta };
  }
  // The union, in the current text: before the span nothing had changed, after it only shifted.
  const unionStart = Math.min(span.start, start);
  const unionEnd = Math.max(span.newEnd, end);
  return { start: unionStart, oldEnd: span.oldEnd + (unionEnd - span.newEnd), newEnd: unionEnd + delta };
}
