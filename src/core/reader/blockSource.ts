import type { ReflowBlock } from './reflow';

/** The source document offset of a position in a block's text (through its segments). */
export function blockOffsetToSource(block: ReflowBlock, offset: number): number {
  const segments = block.segments;
  let chosen = segments[0];
  for (const segment of segments) {
    if (segment.textStart > offset) {
      break;
    }
    chosen = segment;
  }
  if (!chosen) {
    return 0;
  }
  // Offsets in joining text (a space between Latin words) map to the end of the piece before.
  return block.startOffset + chosen.sourceOffset + Math.min(offset - chosen.textStart, chosen.length);
}

/** The index of the last item whose key is at most `value` (items sorted by key), or 0. */
export function lastIndexAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The index of the block whose line range holds `line`, or of the nearest block before it. A caption
 * set inside a paragraph (reflow.ts, rule 1) follows the paragraph and lies within its range: a line
 * of the paragraph after the caption belongs to the paragraph.
 */
export function blockIndexAtLine(blocks: readonly Pick<ReflowBlock, 'startLine' | 'endLine'>[], line: number): number {
  return containingBefore(blocks, lastIndexAtOrBefore(blocks, line, (b) => b.startLine), line, (b) => b.startLine, (b) => b.endLine);
}

/** The index of the block whose source span holds `offset`, or of the last block before it (captions set inside a paragraph as above). */
export function blockIndexAtOffset(blocks: readonly Pick<ReflowBlock, 'startOffset' | 'endOffset'>[], offset: number): number {
  return containingBefore(blocks, lastIndexAtOrBefore(blocks, offset, (b) => b.startOffset), offset, (b) => b.startOffset, (b) => b.endOffset);
}

/**
 * `found` (the last block starting at or before `value`), or, when `value` lies past its end, the
 * block before it whose range holds `value`: the paragraph around the captions set inside it.
 */
function containingBefore<T>(blocks: readonly T[], found: number, value: number, start: (b: T) => number, end: (b: T) => number): number {
  const block = blocks[found];
  if (block && value > end(block)) {
    // Captions set inside one paragraph follow it in a run; a run of more than 64 is not a page.
    for (let i = found - 1; i >= 0 && i >= found - 64; i--) {
      if (start(blocks[i]!) <= value && value <= end(blocks[i]!)) {
        return i;
      }
    }
  }
  return found;
}
