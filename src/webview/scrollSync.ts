import { containingBefore } from '../core/reader/blockSource';

/**
 * Keeps the panel and the editor on the same line, in both directions, the way the markdown
 * preview does: blocks carry their source line range; a position between two block tops is
 * interpolated. Each side ignores scroll events for a moment after it scrolled on the other's
 * behalf, so the two never bounce each other.
 */
export class ScrollSync {
  private ignoreUntil = 0;

  constructor(
    private readonly scroller: HTMLElement,
    private readonly rows: () => HTMLCollectionOf<HTMLElement> | HTMLElement[],
  ) {}

  /** Scrolls so that source `line` is at the top. */
  scrollToLine(line: number): void {
    const rows = this.rows();
    if (rows.length === 0) {
      return;
    }
    const i = this.rowIndexAtLine(line);
    const row = rows[i]!;
    const start = Number(row.dataset.startLine);
    const end = Number(row.dataset.endLine) + 1;
    const within = Math.max(0, Math.min(1, (line - start) / Math.max(1, end - start)));
    const top = row.offsetTop + within * row.offsetHeight;
    this.ignoreUntil = Date.now() + 150;
    this.scroller.scrollTop = Math.max(0, top - 4);
  }

  /** The source line at the top of the panel, or undefined while the panel is scrolling on the editor's behalf. */
  lineAtTop(): number | undefined {
    if (Date.now() < this.ignoreUntil) {
      return undefined;
    }
    return this.currentLine();
  }

  currentLine(): number {
    const rows = this.rows();
    if (rows.length === 0) {
      return 0;
    }
    const top = this.scroller.scrollTop;
    let lo = 0;
    let hi = rows.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]!.offsetTop <= top + 4) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    const row = rows[found]!;
    const start = Number(row.dataset.startLine);
    const end = Number(row.dataset.endLine) + 1;
    const within = Math.max(0, Math.min(1, (top - row.offsetTop) / Math.max(1, row.offsetHeight)));
    return start + within * (end - start);
  }

  private rowIndexAtLine(line: number): number {
    const rows = this.rows();
    let lo = 0;
    let hi = rows.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (Number(rows[mid]!.dataset.startLine) <= line) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // A caption set inside a paragraph follows it: a line past the caption is the paragraph's.
    const list = Array.from(rows);
    return containingBefore(list, found, line, (r) => Number(r.dataset.startLine), (r) => Number(r.dataset.endLine));
  }
}
