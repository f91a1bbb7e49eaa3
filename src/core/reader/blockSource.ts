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

/** The index of the block whose line range holds `line`, or of the nearest block before it. */
export function blockIndexAtLine(blocks: readonly Pick<ReflowBlock, 'startLine' | 'endLine'>[], line: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.startLine <= line) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
