import { isLongDocument } from '../core/reader/renderedBlock';
import type { BlockOutline, RenderedBlock } from '../protocol/readerMessages';
import { setLines } from './blockView';

/** Rows kept beyond the viewport on each side, in viewport heights. */
const MARGIN_SCREENS = 1.5;

/** A block as the list holds it: rendered, or (a long document) known by its outline until it is sent. */
export type ListedBlock = RenderedBlock | BlockOutline;

export function isRendered(block: ListedBlock | undefined): block is RenderedBlock {
  return block !== undefined && 'original' in block;
}

function lengthOf(block: ListedBlock): number {
  return isRendered(block) ? block.original.length : block.length;
}

/**
 * The reader's rows, virtualised for long documents (isLongDocument: below it every row is in the
 * DOM, so find, selection and assistive technology see the whole article): the blocks' data for the
 * whole document — in a long one, outlines until the extension sends the rendered blocks, which the
 * list asks for (`request`) when they come near the viewport — and DOM rows for those near the
 * viewport between two spacers whose heights stand for the rest
 * (measured heights where a row has been shown, estimated from its length elsewhere: total measured
 * height over total measured characters). The row at the top of the view is kept in place across an
 * update (explicit anchoring; the browser's own is off, since a spacer is often the anchor). Rows
 * carry their block index in `data-index`; everything that needs a row asks here rather than
 * counting DOM children.
 */
export class BlockList {
  private blocks: ListedBlock[] = [];
  private characters = 0;
  /** Blocks known by outline only. */
  private outlineCount = 0;
  /** Blocks asked for since the list last changed shape (a patch or render makes earlier asks void). */
  private readonly requested = new Set<number>();
  private heights: (number | undefined)[] = [];
  private readonly rows = new Map<number, HTMLElement>();
  private tops: number[] | undefined;
  private readonly before = document.createElement('div');
  private readonly after = document.createElement('div');
  private measuredHeight = 0;
  private measuredCharacters = 0;
  private lineHeight = 24;
  /** The block whose row had the keyboard focus when it left the DOM, to carry on from. */
  private focusedIndex: number | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly scroller: HTMLElement,
    private readonly create: (block: RenderedBlock) => HTMLElement,
    private readonly created: (index: number, row: HTMLElement) => void = () => undefined,
    private readonly request: (start: number, end: number) => void = () => undefined,
  ) {
    this.before.className = 'spacer';
    this.after.className = 'spacer';
    this.before.setAttribute('aria-hidden', 'true');
    this.after.setAttribute('aria-hidden', 'true');
    container.append(this.before, this.after);
    // Focus goes here when the focused row leaves the DOM (removeRow).
    container.tabIndex = -1;
    window.addEventListener('resize', () => {
      // Rows wrap differently at another width: measured heights no longer hold.
      this.heights = this.blocks.map(() => undefined);
      this.tops = undefined;
      this.update();
    });
  }

  get length(): number {
    return this.blocks.length;
  }

  /** The blocks' data, whole document. */
  get all(): readonly ListedBlock[] {
    return this.blocks;
  }

  /** Whether every block is rendered (none known by outline only). */
  get complete(): boolean {
    return this.outlineCount === 0;
  }

  /** Where the list starts in the scrolled page, in pixels. */
  get top(): number {
    return this.before.offsetTop;
  }

  block(index: number): ListedBlock | undefined {
    return this.blocks[index];
  }

  /** Whether rows are virtualised (only those near the viewport are in the DOM). */
  get virtual(): boolean {
    return isLongDocument(this.blocks.length, this.characters);
  }

  /** The DOM row of block `index`, if it is rendered. */
  rowAt(index: number): HTMLElement | undefined {
    return this.rows.get(index);
  }

  /** The block index of a row. */
  indexOf(row: HTMLElement): number {
    return Number(row.dataset.index ?? -1);
  }

  /** The block whose row last had the focus, if that row has left the DOM since. */
  takeFocusedIndex(): number | undefined {
    const index = this.focusedIndex;
    this.focusedIndex = undefined;
    return index;
  }

  /** Blocks from `start` on are replaced by `blocks` (a render chunk; rows from `start` are dropped). */
  replaceFrom(start: number, blocks: readonly ListedBlock[]): void {
    this.splice(start, this.blocks.length - start, blocks, 0);
  }

  /**
   * Blocks [start, start + blocks.length), known by outline or rendered before, are now `blocks`
   * (rendered, as the extension sent them): their rows, if shown, are built again.
   */
  fill(start: number, blocks: readonly RenderedBlock[]): void {
    blocks.forEach((block, i) => {
      const index = start + i;
      const old = this.blocks[index];
      if (!old) {
        return;
      }
      this.outlineCount -= isRendered(old) ? 0 : 1;
      this.characters += block.original.length - lengthOf(old);
      this.blocks[index] = block;
      const measured = this.heights[index];
      if (measured !== undefined) {
        // Measured before (a block sent again): out of the per-character estimate until measured anew.
        this.measuredHeight -= measured;
        this.measuredCharacters -= Math.max(1, lengthOf(old));
        this.heights[index] = undefined;
      }
      const row = this.rows.get(index);
      if (row) {
        const focused = row.contains(document.activeElement);
        const fresh = this.create(block);
        fresh.dataset.index = String(index);
        row.replaceWith(fresh);
        this.rows.set(index, fresh);
        this.created(index, fresh);
        if (focused) {
          fresh.focus({ preventScroll: true });
        }
      }
    });
    this.tops = undefined;
    this.update();
  }

  /** Blocks [start, start + deleteCount) become `blocks`; those after move by `lineShift` lines. */
  splice(start: number, deleteCount: number, blocks: readonly ListedBlock[], lineShift: number): void {
    // The data first (without spreading: a patch may hold 100,000 blocks), then the rows.
    const removed = this.blocks.slice(start, start + deleteCount);
    const tail = this.blocks.slice(start + deleteCount);
    const heightTail = this.heights.slice(start + deleteCount);
    this.blocks.length = start;
    this.heights.length = start;
    for (const block of blocks) {
      this.blocks.push(block);
      this.heights.push(undefined);
    }
    for (let i = 0; i < tail.length; i++) {
      const block = tail[i]!;
      this.blocks.push(lineShift === 0 ? block : { ...block, startLine: block.startLine + lineShift, endLine: block.endLine + lineShift });
      this.heights.push(heightTail[i]);
    }
    this.characters += blocks.reduce((n, b) => n + lengthOf(b), 0) - removed.reduce((n, b) => n + lengthOf(b), 0);
    this.outlineCount += blocks.reduce((n, b) => n + (isRendered(b) ? 0 : 1), 0) - removed.reduce((n, b) => n + (isRendered(b) ? 0 : 1), 0);
    this.requested.clear();
    // Rows of the replaced blocks go; rows after them stay, under their new index.
    const shift = blocks.length - deleteCount;
    const kept = new Map<number, HTMLElement>();
    for (const [index, row] of this.rows) {
      if (index < start) {
        kept.set(index, row);
      } else if (index >= start + deleteCount) {
        row.dataset.index = String(index + shift);
        kept.set(index + shift, row);
      } else {
        this.removeRow(index, row);
      }
    }
    this.rows.clear();
    for (const [index, row] of kept) {
      this.rows.set(index, row);
    }
    this.tops = undefined;
    this.update();
  }

  /** Makes sure the rows near the viewport (all of them for a short document) are in the DOM. */
  update(): void {
    const virtual = this.virtual;
    // The browser's scroll anchoring would move the page a second time after the correction below.
    document.documentElement.style.overflowAnchor = virtual ? 'none' : '';
    // What is at the top of the view now, to keep it there whatever heights the update learns.
    const y = this.scroller.scrollTop - this.top;
    const anchor = virtual && this.blocks.length > 0 ? this.indexAt(Math.max(0, y)) : undefined;
    const anchorOffset = anchor === undefined ? 0 : y - this.topOf(anchor);
    const [first, last] = this.window();
    for (const [index, row] of [...this.rows]) {
      if (index < first || index > last) {
        this.measure(index, row);
        this.removeRow(index, row);
        this.rows.delete(index);
      }
    }
    let next: Element = this.after;
    for (let index = last; index >= first; index--) {
      let row = this.rows.get(index);
      if (!row) {
        const block = this.blocks[index]!;
        row = isRendered(block) ? this.create(block) : this.placeholder(block, index);
        row.dataset.index = String(index);
        this.container.insertBefore(row, next);
        this.rows.set(index, row);
        this.created(index, row);
      } else if (row.nextElementSibling !== next) {
        this.container.insertBefore(row, next);
      }
      setLines(row, this.blocks[index]!);
      next = row;
    }
    this.requestMissing(first, last);
    if (!virtual) {
      // Every row is in the DOM: nothing to stand in for, and no layout forced here.
      this.before.style.height = '0px';
      this.after.style.height = '0px';
      return;
    }
    for (const [index, row] of this.rows) {
      this.measure(index, row);
    }
    const tops = this.offsets();
    this.before.style.height = `${first < this.blocks.length ? tops[first]! : 0}px`;
    this.after.style.height = `${Math.max(0, tops[this.blocks.length]! - (last >= first ? tops[last + 1]! : 0))}px`;
    if (anchor !== undefined && y > 0) {
      const place = this.top + this.topOf(anchor) + anchorOffset;
      if (Math.abs(place - this.scroller.scrollTop) >= 1) {
        this.scroller.scrollTop = place;
      }
    }
  }

  /**
   * The top of block `index` within the list, in pixels: measured and estimated heights summed in
   * a virtualised list (the spacers are set from the same sums), the row's place otherwise.
   */
  topOf(index: number): number {
    if (!this.virtual) {
      const row = this.rows.get(index);
      if (row) {
        return row.offsetTop - this.top;
      }
    }
    return this.offsets()[Math.max(0, Math.min(index, this.blocks.length))]!;
  }

  heightOf(index: number): number {
    if (!this.virtual) {
      const row = this.rows.get(index);
      if (row) {
        return row.offsetHeight;
      }
    }
    return this.heights[index] ?? this.estimate(index);
  }

  /** The index of the block at `y` pixels from the top of the list. */
  indexAt(y: number): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.topOf(mid) <= y) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Scrolls block `index` into view (rendering it), `within` (0–1) of the way down it, below `offset` pixels of the view's top. */
  scrollToIndex(index: number, within = 0, offset = 4): void {
    const place = () => Math.max(0, this.top + this.topOf(index) + within * this.heightOf(index) - offset);
    this.scroller.scrollTop = place();
    this.update();
    // Measured now that it is rendered: scroll again to its real place.
    this.scroller.scrollTop = place();
  }

  private window(): [number, number] {
    if (this.blocks.length === 0) {
      return [0, -1];
    }
    if (!this.virtual) {
      return [0, this.blocks.length - 1];
    }
    const viewport = this.scroller.clientHeight || 800;
    const top = this.scroller.scrollTop - this.top;
    const first = this.indexAt(Math.max(0, top - MARGIN_SCREENS * viewport));
    const last = this.indexAt(top + viewport + MARGIN_SCREENS * viewport);
    return [first, last];
  }

  /** Whether block `index` is rendered (not known by outline only). */
  isRendered(index: number): boolean {
    return isRendered(this.blocks[index]);
  }

  /** Asks for the blocks in [first, last] known by outline only and not asked for yet, a run at a time. */
  private requestMissing(first: number, last: number): void {
    if (this.outlineCount === 0) {
      return;
    }
    let runStart = -1;
    for (let index = first; index <= last + 1; index++) {
      const missing = index <= last && !isRendered(this.blocks[index]) && !this.requested.has(index);
      if (missing) {
        this.requested.add(index);
        runStart = runStart === -1 ? index : runStart;
      } else if (runStart !== -1) {
        this.request(runStart, index);
        runStart = -1;
      }
    }
  }

  /** The row of a block not rendered yet: as tall as the block is estimated to be, announced as busy. */
  private placeholder(block: BlockOutline, index: number): HTMLElement {
    const row = document.createElement('div');
    row.className = `block block-${block.kind} pending`;
    row.setAttribute('aria-busy', 'true');
    // Focusable like the row it stands for, so the arrow keys go on through it (fill moves the focus over).
    row.tabIndex = 0;
    row.style.height = `${this.heights[index] ?? this.estimate(index)}px`;
    return row;
  }

  private removeRow(index: number, row: HTMLElement): void {
    if (row.contains(document.activeElement)) {
      // Carried on from by the arrow keys; the focus itself goes to the list, not to nowhere.
      this.focusedIndex = index;
      this.container.focus({ preventScroll: true });
    }
    row.remove();
  }

  private measure(index: number, row: HTMLElement): void {
    if (row.classList.contains('pending')) {
      // Its height is the estimate: measuring it would only confirm the guess.
      return;
    }
    const height = row.getBoundingClientRect().height;
    const previous = this.heights[index];
    if (height > 0 && previous !== height) {
      const block = this.blocks[index];
      const characters = Math.max(1, block ? lengthOf(block) : 1);
      if (previous === undefined) {
        this.measuredHeight += height;
        this.measuredCharacters += characters;
      } else {
        this.measuredHeight += height - previous;
      }
      this.heights[index] = height;
      this.lineHeight = Math.min(this.lineHeight, height);
      this.tops = undefined;
    }
  }

  /** Height of a row never shown: the measured height per character of the rows shown so far. */
  private estimate(index: number): number {
    const block = this.blocks[index];
    const characters = block ? lengthOf(block) : 0;
    const perCharacter = this.measuredCharacters > 0 ? this.measuredHeight / this.measuredCharacters : 0.6;
    return Math.max(this.lineHeight, characters * perCharacter);
  }

  private offsets(): number[] {
    if (!this.tops) {
      const tops = new Array<number>(this.blocks.length + 1);
      tops[0] = 0;
      for (let i = 0; i < this.blocks.length; i++) {
        tops[i + 1] = tops[i]! + (this.heights[i] ?? this.estimate(i));
      }
      this.tops = tops;
    }
    return this.tops;
  }
}
