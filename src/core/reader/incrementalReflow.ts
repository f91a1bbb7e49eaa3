import { blockIndexAtOffset } from './blockSource';
import type { EditSpan } from './editSpan';
import { reflow, ReflowBlock } from './reflow';

/** Blocks re-reflowed on each side of the edited ones; the outermost must come out as before. */
export const ANCHOR_DISTANCE = 2;
/** Source lines of context beyond each anchor, so that column widths are measured as in a full reflow. */
const CONTEXT_LINES = 8;

/**
 * Reflow of `text` that reuses the blocks of `previousText` away from the edit: only a window of
 * blocks around the changed span is reflowed again. The window reaches two blocks past the edit on
 * each side plus some context; the blocks at the window's edges (anchors) must come out exactly as
 * before, which shows the rules resynchronised, otherwise the whole text is reflowed. Blocks after
 * the edit are moved by the edit's line and offset shift, keeping their text and segments. `span`,
 * when known (from the editor's change events: extendEditSpan), bounds the change; otherwise the
 * two texts are compared from both ends.
 */
export function reflowIncrementally(previous: readonly ReflowBlock[], previousText: string, text: string, span?: EditSpan): ReflowBlock[] {
  if (previous.length === 0 || (!span && previousText === text)) {
    return previous.length === 0 ? reflow(text) : [...previous];
  }
  const { prefix, suffix } = span && span.newEnd - span.start === text.length - previousText.length + (span.oldEnd - span.start) ? { prefix: span.start, suffix: previousText.length - span.oldEnd } : commonEnds(previousText, text);
  const oldChangeEnd = previousText.length - suffix;
  const first = blockIndexAtOffset(previous, prefix);
  const last = blockIndexAtOffset(previous, oldChangeEnd);
  // A piece of a block cut for display is cut where it is because of where its block starts: the
  // anchors are blocks not cut, so that the window holds every cut block it touches whole.
  const cut = (i: number) => previous[i]?.continuesPrevious === true || previous[i + 1]?.continuesPrevious === true;
  let before = first - ANCHOR_DISTANCE;
  while (before >= 0 && cut(before)) {
    before--;
  }
  let after = last + ANCHOR_DISTANCE;
  while (after < previous.length && cut(after)) {
    after++;
  }

  const offsetShift = text.length - previousText.length;
  const lineShift = countNewlines(text, prefix, text.length - suffix) - countNewlines(previousText, prefix, oldChangeEnd);

  // The window, in the previous text: whole lines, from the context before the anchor to the context after.
  const windowStart = before < 0 ? 0 : lineStartBefore(previousText, previous[before]!.startOffset, CONTEXT_LINES);
  const windowEndOld = after >= previous.length ? previousText.length : lineEndAfter(previousText, previous[after]!.endOffset, CONTEXT_LINES);
  if (windowStart > prefix || windowEndOld < oldChangeEnd) {
    return reflow(text);
  }
  const windowEnd = windowEndOld + offsetShift;
  // Counted back from the anchor's known line, not from the top: a 20 MB novel's lines took 10 ms a keystroke.
  const windowStartLine = before < 0 ? 0 : previous[before]!.startLine - countNewlines(previousText, windowStart, previous[before]!.startOffset);
  const reflowed = reflow(text.slice(windowStart, windowEnd)).map((b) => moved(b, windowStartLine, windowStart));
  // A caption set inside a paragraph (reflow.ts, rule 1) breaks the order the splicing relies on, and
  // the paragraph around it may start far before the window: with one anywhere, reflow everything
  // (rare: PDF captions mid-sentence; a full reflow of 1 MB takes tens of ms).
  if (hasNested(previous) || hasNested(reflowed)) {
    return reflow(text);
  }

  let from = 0;
  if (before >= 0) {
    from = reflowed.findIndex((b) => sameBlock(b, previous[before]!, 0, 0)) + 1;
    if (from === 0) {
      return reflow(text);
    }
  }
  let to = reflowed.length;
  if (after < previous.length) {
    to = reflowed.findIndex((b, i) => i >= from && sameBlock(b, previous[after]!, lineShift, offsetShift));
    if (to === -1) {
      return reflow(text);
    }
  }
  const head = before >= 0 ? previous.slice(0, before + 1) : [];
  const tail = after < previous.length ? previous.slice(after).map((b) => moved(b, lineShift, offsetShift)) : [];
  return [...head, ...reflowed.slice(from, to), ...tail];
}

/** Whether a block starts inside the one before it: a caption set inside a paragraph (pieces of one long line follow each other). */
function hasNested(blocks: readonly ReflowBlock[]): boolean {
  return blocks.some((b, i) => i > 0 && b.startOffset < blocks[i - 1]!.endOffset);
}

function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) {
    prefix++;
  }
  let suffix = 0;
  while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) {
    suffix++;
  }
  return { prefix, suffix };
}

/** The start of the line `lines` lines before the one starting at `offset`. */
function lineStartBefore(text: string, offset: number, lines: number): number {
  let at = offset;
  for (let i = 0; i < lines && at > 0; i++) {
    at = text.lastIndexOf('\n', at - 2) + 1;
  }
  return at;
}

/** The end (before its line break) of the line `lines` lines after the one ending at `offset`. */
function lineEndAfter(text: string, offset: number, lines: number): number {
  let at = offset;
  for (let i = 0; i < lines && at < text.length; i++) {
    const next = text.indexOf('\n', at + 1);
    at = next === -1 ? text.length : next;
  }
  return at;
}

function countNewlines(text: string, start: number, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', start); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}

function moved(block: ReflowBlock, lines: number, offset: number): ReflowBlock {
  return lines === 0 && offset === 0
    ? block
    : {
        ...block,
        startLine: block.startLine + lines,
        endLine: block.endLine + lines,
        startOffset: block.startOffset + offset,
        endOffset: block.endOffset + offset,
      };
}

/**
 * Whether `a` is block `b` moved by the edit's shifts. Offsets count too: a repeated paragraph, or
 * pieces of one long line (longBlocks.ts), have the same text and lines.
 */
function sameBlock(a: ReflowBlock, b: ReflowBlock, lineShift: number, offsetShift: number): boolean {
  return (
    a.kind === b.kind &&
    a.startLine === b.startLine + lineShift &&
    a.endLine === b.endLine + lineShift &&
    a.startOffset === b.startOffset + offsetShift &&
    a.text === b.text
  );
}
