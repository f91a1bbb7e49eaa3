import { blockIndexAtLine } from '../core/reader/blockSource';
import type { BlockList } from './blockList';

/**
 * Keeps the panel and the editor on the same line, in both directions, the way the markdown
 * preview does: blocks carry their source line range; a position within a block is interpolated.
 * Works on the block list's geometry, so blocks that are not in the DOM (a long document's rows far
 * from the viewport) count with their estimated heights. Each side ignores scroll events for a moment
 * after it scrolled on the other's behalf, so the two never bounce each other.
 */
export class ScrollSync {
  private ignoreUntil = 0;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly list: BlockList,
    private readonly listTop: () => number,
  ) {}

  /**
   * Scrolls so that source `line` is at the top. Pieces of one long line (a block cut for display)
   * share its line range: the part of the line past its start is spread over them, so line 7 is the
   * first piece's top and line 7.5 the middle piece's.
   */
  scrollToLine(line: number): void {
    if (this.list.length === 0) {
      return;
    }
    const { first, count } = this.piecesAround(blockIndexAtLine(this.list.all, line));
    const block = this.list.block(first)!;
    const fraction = Math.max(0, Math.min(1, (line - block.startLine) / Math.max(1, block.endLine + 1 - block.startLine))) * count;
    const piece = Math.min(count - 1, Math.floor(fraction));
    this.ignoreUntil = Date.now() + 150;
    this.list.scrollToIndex(first + piece, fraction - piece);
  }

  /** The source line at the top of the panel, or undefined while the panel is scrolling on the editor's behalf. */
  lineAtTop(): number | undefined {
    if (Date.now() < this.ignoreUntil) {
      return undefined;
    }
    return this.currentLine();
  }

  currentLine(): number {
    if (this.list.length === 0) {
      return 0;
    }
    const y = this.scroller.scrollTop + 4 - this.listTop();
    const index = this.list.indexAt(y);
    const block = this.list.block(index)!;
    const within = Math.max(0, Math.min(1, (y - this.list.topOf(index)) / Math.max(1, this.list.heightOf(index))));
    const { first, count } = this.piecesAround(index);
    return block.startLine + ((index - first + within) / count) * (block.endLine + 1 - block.startLine);
  }

  /** The run of blocks with the same line range as block `index` (the pieces of one cut block): its first index and length. */
  private piecesAround(index: number): { first: number; count: number } {
    const same = (i: number) => {
      const a = this.list.block(i);
      const b = this.list.block(index);
      return a !== undefined && b !== undefined && a.startLine === b.startLine && a.endLine === b.endLine;
    };
    let first = index;
    while (first > 0 && same(first - 1)) {
      first--;
    }
    let last = index;
    while (last + 1 < this.list.length && same(last + 1)) {
      last++;
    }
    return { first, count: last - first + 1 };
  }
}
