import { MAX_MATCHES, searchPattern, SearchColumn } from '../core/reader/blockSearch';
import { BlockList, isRendered } from './blockList';
import { rangeOfTextOffsets } from './blockView';

const HIGHLIGHT = 'find-match';
/** Typing pauses this long (ms) before a search: a 20 MB novel is searched in one pass. */
const DEBOUNCE_MS = 120;

interface Match {
  readonly block: number;
  readonly column: 'original' | 'converted';
  readonly start: number;
  readonly end: number;
}

/** A search the extension is running for blocks that are not rendered: what to do with its answer. */
interface PendingSearch {
  readonly id: number;
  readonly go: boolean;
  readonly from: number;
}

/**
 * Find in the panel (Ctrl+F / Cmd+F): searches the blocks' text — both columns, or the one the layout
 * shows — in the data, not the DOM, so a long document's rows that are not rendered are found too
 * (blocks the extension has not sent are searched there: `searchRemotely`, answered in {@link receive});
 * going to a match renders its row and marks it with a CSS highlight (the DOM is not touched).
 * Latin letters match in any case (a case-insensitive expression on the text itself, so offsets are
 * the text's: lowercasing İ would lengthen it). Enter and F3 go to the next match, Shift+Enter and
 * Shift+F3 to the previous one, Escape closes the bar and gives the focus back. Typing with an input
 * method searches when the composition ends, and its Enter chooses a candidate, not a match.
 */
export class FindInPanel {
  private matches: Match[] = [];
  private truncated = false;
  private current = -1;
  private pendingSearch: PendingSearch | undefined;
  private nextId = 0;
  /** The current match's row was not rendered when it was gone to: scroll to the match once it is. */
  private awaitingRow = false;
  private returnFocus: HTMLElement | undefined;
  private composing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly bar: HTMLElement,
    private readonly input: HTMLInputElement,
    private readonly status: HTMLElement,
    private readonly list: BlockList,
    private readonly columns: () => readonly ('original' | 'converted')[],
    private readonly countLabel: (current: number, total: number) => string,
    private readonly toolbarHeight: () => number,
    private readonly searchRemotely: (id: number, query: string, columns: readonly SearchColumn[]) => void,
    private readonly searchingLabel: string,
  ) {
    document.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.code === 'KeyF' || event.key.toLowerCase() === 'f')) {
        event.preventDefault();
        this.open();
      } else if (event.key === 'F3' && !this.bar.hidden) {
        event.preventDefault();
        this.step(event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape' && !this.bar.hidden && this.bar.contains(event.target as Node)) {
        event.preventDefault();
        this.close();
      }
    });
    input.addEventListener('compositionstart', () => (this.composing = true));
    input.addEventListener('compositionend', () => {
      this.composing = false;
      this.schedule();
    });
    input.addEventListener('input', () => {
      if (!this.composing) {
        this.schedule();
      }
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        if (this.timer) {
          // Typed and Enter at once: search first, and that is the first match.
          this.search();
          return;
        }
        this.step(event.shiftKey ? -1 : 1);
      }
    });
    bar.querySelector('#find-next')?.addEventListener('click', () => this.step(1));
    bar.querySelector('#find-previous')?.addEventListener('click', () => this.step(-1));
    bar.querySelector('#find-close')?.addEventListener('click', () => this.close());
  }

  open(): void {
    this.returnFocus ??= document.activeElement instanceof HTMLElement && !this.bar.contains(document.activeElement) ? document.activeElement : undefined;
    this.bar.hidden = false;
    this.input.focus();
    this.input.select();
    this.search();
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pendingSearch = undefined;
    this.bar.hidden = true;
    CSS.highlights?.delete(HIGHLIGHT);
    const match = this.matches[this.current];
    const target = this.returnFocus?.isConnected ? this.returnFocus : match && this.list.rowAt(match.block);
    target?.focus({ preventScroll: true });
    this.returnFocus = undefined;
  }

  /**
   * Blocks [start, start + deleteCount) became `inserted` blocks (a patch or a render chunk): the
   * matches are found again and the current one stays on its block, without scrolling.
   */
  refresh(start: number, deleteCount: number, inserted: number): void {
    if (this.bar.hidden) {
      return;
    }
    const previous = this.matches[this.current];
    const block = previous && previous.block >= start + deleteCount ? previous.block + inserted - deleteCount : previous?.block;
    this.search(false, block);
  }

  /** A row was (re)created: the current match is marked again if it is in it (and gone to, if it was waiting for it). */
  rowCreated(index: number): void {
    const match = this.matches[this.current];
    if (!this.bar.hidden && match?.block === index && this.list.isRendered(index)) {
      if (this.awaitingRow) {
        this.show();
      } else {
        this.mark(match);
      }
    }
  }

  /** The extension's answer to search `id`: four numbers a match (block, column 0/1, start, end). */
  receive(id: number, matches: readonly number[], truncated: boolean): void {
    const pending = this.pendingSearch;
    if (!pending || pending.id !== id || this.bar.hidden) {
      return;
    }
    this.pendingSearch = undefined;
    this.matches = [];
    for (let i = 0; i + 3 < matches.length; i += 4) {
      this.matches.push({ block: matches[i]!, column: matches[i + 1] === 0 ? 'original' : 'converted', start: matches[i + 2]!, end: matches[i + 3]! });
    }
    this.truncated = truncated;
    this.found(pending.go, pending.from);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.search();
    }, DEBOUNCE_MS);
  }

  private search(go = true, near?: number): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const query = this.input.value;
    // The first match at or after the block shown before (or the top of the panel).
    const from = near ?? this.list.indexAt(Math.max(0, document.scrollingElement!.scrollTop - this.list.top));
    if (query.length > 0 && !this.list.complete) {
      this.pendingSearch = { id: this.nextId++, go, from };
      this.status.textContent = this.searchingLabel;
      this.searchRemotely(this.pendingSearch.id, query, this.columns());
      return;
    }
    this.pendingSearch = undefined;
    this.matches = [];
    this.truncated = false;
    if (query.length > 0) {
      const pattern = searchPattern(query);
      const columns = this.columns();
      const blocks = this.list.all;
      for (let index = 0; index < blocks.length && !this.truncated; index++) {
        const block = blocks[index];
        if (!isRendered(block)) {
          continue;
        }
        for (const column of columns) {
          const text = block[column];
          pattern.lastIndex = 0;
          for (let found = pattern.exec(text); found && !this.truncated; found = pattern.exec(text)) {
            this.truncated = this.matches.length >= MAX_MATCHES;
            if (!this.truncated) {
              this.matches.push({ block: index, column, start: found.index, end: found.index + found[0].length });
            }
          }
        }
      }
    }
    this.found(go, from);
  }

  /** Goes to (or, without `go`, only marks) the first match at or after block `from`. */
  private found(go: boolean, from: number): void {
    this.current = this.matches.length === 0 ? -1 : Math.max(0, this.matches.findIndex((m) => m.block >= from));
    if (go) {
      this.show();
    } else {
      this.showStatus();
      const match = this.matches[this.current];
      if (match && this.list.rowAt(match.block)) {
        this.mark(match);
      } else {
        CSS.highlights?.delete(HIGHLIGHT);
      }
    }
  }

  private step(direction: 1 | -1): void {
    if (this.matches.length === 0 || this.pendingSearch) {
      return;
    }
    this.current = (this.current + direction + this.matches.length) % this.matches.length;
    this.show();
  }

  private showStatus(): void {
    if (this.input.value.length === 0) {
      this.status.textContent = '';
      return;
    }
    const text = this.countLabel(this.current + 1, this.matches.length);
    this.status.textContent = this.truncated ? `${text}+` : text;
  }

  private show(): void {
    this.showStatus();
    const match = this.matches[this.current];
    if (!match) {
      CSS.highlights?.delete(HIGHLIGHT);
      return;
    }
    if (!this.list.rowAt(match.block)) {
      this.list.scrollToIndex(match.block, 0, this.toolbarHeight() + 8);
    }
    // A row not rendered yet: its match is gone to when it is (rowCreated).
    this.awaitingRow = !this.list.isRendered(match.block);
    const range = this.mark(match);
    const row = this.list.rowAt(match.block);
    if (!range || !row) {
      return;
    }
    let box = range.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) {
      // Inside text hidden for display (a long run of combining marks): show its row instead.
      box = (row.querySelector('.shortened') ?? row).getBoundingClientRect();
    }
    const toolbar = this.toolbarHeight();
    if (box.top < toolbar || box.bottom > window.innerHeight) {
      document.scrollingElement!.scrollTop += box.top - toolbar - window.innerHeight / 3;
    }
  }

  private mark(match: Match): Range | undefined {
    const cell = this.list.rowAt(match.block)?.querySelector<HTMLElement>(`.cell.${match.column}`);
    const range = cell ? rangeOfTextOffsets(cell, match.start, match.end) : undefined;
    if (range) {
      CSS.highlights?.set(HIGHLIGHT, new Highlight(range));
    } else {
      CSS.highlights?.delete(HIGHLIGHT);
    }
    return range;
  }
}
