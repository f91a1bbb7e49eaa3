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
 * (measured heights where a row has been shown, estimated from its length elsewhere). Rows carry
 * their block index in `data-index`; everything that needs a row asks here rather than counting DOM
 * children.
 */
export class BlockList {
  private blocks: RenderedBlock[] = [];
  private characters = 0;
  private heights: (number | undefined)[] = [];
  private readonly rows = new Map<number, HTMLElement>();
  private tops: number[] | undefined;
  private readonly before = document.createElement('div');
  private readonly after = document.createElement('div');
  /** Pixels per character of the rows measured so far, for estimates. */
  private perCharacter = 0.6;
  private lineHeight = 24;

  constructor(
    private readonly container: HTMLElement,
    private readonly scroller: HTMLElement,
    private readonly create: (block: RenderedBlock) => HTMLElement,
  ) {
    this.before.className = 'spacer';
    this.after.className = 'spacer';
    this.before.setAttribute('aria-hidden', 'true');
    this.after.setAttribute('aria-hidden', 'true');
    container.append(this.before, this.after);
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

  /** Every rendered row, in order. */
  renderedRows(): HTMLElement[] {
    return [...this.rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  }

  /** The block index of a row. */
  indexOf(row: HTMLElement): number {
    return Number(row.dataset.index ?? -1);
  }

  /** Blocks from `start` on are replaced by `blocks` (a render chunk; rows from `start` are dropped). */
  replaceFrom(start: number, blocks: readonly RenderedBlock[]): void {
    this.splice(start, this.blocks.length - start, blocks, 0);
  }

  /** Blocks [start, start + deleteCount) become `blocks`; those after move by `lineShift` lines. */
  splice(start: number, deleteCount: number, blocks: readonly RenderedBlock[], lineShift: number): void {
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
        row.remove();
      }
    }
    this.rows.clear();
    for (const [index, row] of kept) {
      this.rows.set(index, row);
    }
    const removed = this.blocks.splice(start, deleteCount, ...blocks);
    this.heights.splice(start, deleteCount, ...blocks.map(() => undefined));
    this.characters += blocks.reduce((n, b) => n + b.original.length, 0) - removed.reduce((n, b) => n + b.original.length, 0);
    if (lineShift !== 0) {
      for (let i = start + blocks.length; i < this.blocks.length; i++) {
        const block = this.blocks[i]!;
        this.blocks[i] = { ...block, startLine: block.startLine + lineShift, endLine: block.endLine + lineShift };
      }
    }
    this.tops = undefined;
    this.update();
  }

  /** Every row built again (options that change how rows look: layout, readings). */
  rebuild(): void {
    for (const row of this.rows.values()) {
      row.remove();
    }
    this.rows.clear();
    this.heights = this.blocks.map(() => undefined);
    this.tops = undefined;
    this.update();
  }

  /** Makes sure the rows near the viewport (all of them for a short document) are in the DOM. */
  update(): void {
    const [first, last] = this.window();
    for (const [index, row] of [...this.rows]) {
      if (index < first || index > last) {
        row.remove();
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
      } else if (row.nextElementSibling !== next) {
        this.container.insertBefore(row, next);
      }
      setLines(row, this.blocks[index]!);
      next = row;
    }
    if (!this.virtual) {
      // Every row is in the DOM: nothing to stand in for, and no layout forced here.
      this.before.style.height = '0px';
      this.after.style.height = '0px';
      return;
    }
    for (const [index, row] of this.rows) {
      this.measure(index, row);
    }
    this.tops = undefined;
    const tops = this.offsets();
    this.before.style.height = `${first < this.blocks.length ? tops[first]! : 0}px`;
    this.after.style.height = `${Math.max(0, tops[this.blocks.length]! - (last >= first ? tops[last + 1]! : 0))}px`;
  }

  /** The top of block `index` within the list, in pixels: where its row is, or where it would be (estimated). */
  topOf(index: number): number {
    const row = this.rows.get(index);
    return row ? row.offsetTop - this.top : this.offsets()[Math.max(0, Math.min(index, this.blocks.length))]!;
  }

  heightOf(index: number): number {
    return this.rows.get(index)?.offsetHeight ?? this.heights[index] ?? this.estimate(index);
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

  /** Scrolls block `index` into view (rendering it), `within` (0–1) of the way down it. */
  scrollToIndex(index: number, within = 0): void {
    const place = () => Math.max(0, this.top + this.topOf(index) + within * this.heightOf(index) - 4);
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

  private measure(index: number, row: HTMLElement): void {
    const height = row.offsetHeight;
    if (height > 0 && this.heights[index] !== height) {
      this.heights[index] = height;
      const characters = Math.max(1, this.blocks[index]?.original.length ?? 1);
      // A running estimate of height per character, from rows that wrap (longer than a line).
      if (height > this.lineHeight * 1.5) {
        this.perCharacter = 0.8 * this.perCharacter + 0.2 * (height / characters);
      } else {
        this.lineHeight = 0.8 * this.lineHeight + 0.2 * height;
      }
      this.tops = undefined;
    }
  }

  private estimate(index: number): number {
    const characters = this.blocks[index]?.original.length ?? 0;
    return Math.max(this.lineHeight, characters * this.perCharacter);
  }

  private offsets(): number[] {
    if (!this.tops) {
      const tops = new Array<number>(this.blocks.length + 1);
      tops[0] = 0;
      for (let i = 0; i < this.blocks.length; i++) {
        tops[i + 1] = tops[i]! + this.heightOf(i);
      }
      this.tops = tops;
    }
    return this.tops;
  }
}
