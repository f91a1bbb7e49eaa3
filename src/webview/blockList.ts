import type { RenderedBlock } from '../protocol/readerMessages';
import { setLines } from './blockView';

/**
 * Above this many blocks (or characters), only the rows near the viewport are in the DOM: a 20 MB
 * novel laid out whole took the webview to 6.4 GB. Below it every row is (the reference article has
 * about 60), so find, selection and assistive technology see the whole article as before.
 */
const VIRTUAL_BLOCKS = 400;
const VIRTUAL_CHARACTERS = 300_000;
/** Rows kept beyond the viewport on each side, in viewport heights. */
const MARGIN_SCREENS = 1.5;

/**
 * The reader's rows, virtualised for long documents: the blocks' data for the whole document, and
 * DOM rows for those near the viewport between two spacers whose heights stand for the rest
 * (measured heights where a row has been shown, estimated from its length elsewhere: total measured
 * height over total measured characters). The row at the top of the view is kept in place across an
 * update (explicit anchoring; the browser's own is off, since a spacer is often the anchor). Rows
 * carry their block index in `data-index`; everything that needs a row asks here rather than
 * counting DOM children.
 */
export class BlockList {
  private blocks: RenderedBlock[] = [];
  private characters = 0;
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
  get all(): readonly RenderedBlock[] {
    return this.blocks;
  }

  /** Where the list starts in the scrolled page, in pixels. */
  get top(): number {
    return this.before.offsetTop;
  }

  block(index: number): RenderedBlock | undefined {
    return this.blocks[index];
  }

  /** Whether rows are virtualised (only those near the viewport are in the DOM). */
  get virtual(): boolean {
    return this.blocks.length > VIRTUAL_BLOCKS || this.characters > VIRTUAL_CHARACTERS;
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
  replaceFrom(start: number, blocks: readonly RenderedBlock[]): void {
    this.splice(start, this.blocks.length - start, blocks, 0);
  }

  /** Blocks [start, start + deleteCount) become `blocks`; those after move by `lineShift` lines. */
  splice(start: number, deleteCount: number, blocks: readonly RenderedBlock[], lineShift: number): void {
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
    this.characters += blocks.reduce((n, b) => n + b.original.length, 0) - removed.reduce((n, b) => n + b.original.length, 0);
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
        row = this.create(this.blocks[index]!);
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

  private removeRow(index: number, row: HTMLElement): void {
    if (row.contains(document.activeElement)) {
      // Carried on from by the arrow keys; the focus itself goes to the list, not to nowhere.
      this.focusedIndex = index;
      this.container.focus({ preventScroll: true });
    }
    row.remove();
  }

  private measure(index: number, row: HTMLElement): void {
    const height = row.getBoundingClientRect().height;
    const previous = this.heights[index];
    if (height > 0 && previous !== height) {
      const characters = Math.max(1, this.blocks[index]?.original.length ?? 1);
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
    const characters = this.blocks[index]?.original.length ?? 0;
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
