import type { BlockList } from './blockList';
import { rangeOfTextOffsets } from './blockView';

const HIGHLIGHT = 'find-match';
/** Typing pauses this long (ms) before a search: a 20 MB novel is searched in one pass. */
const DEBOUNCE_MS = 120;
/** Matches counted at most; "10000+" beyond. */
const MAX_MATCHES = 10_000;

interface Match {
  readonly block: number;
  readonly column: 'original' | 'converted';
  readonly start: number;
  readonly end: number;
}

/** `text` as a literal regular-expression source. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Find in the panel (Ctrl+F / Cmd+F): searches the blocks' text — both columns, or the one the layout
 * shows — in the data, not the DOM, so a long document's rows that are not rendered are found too;
 * going to a match renders its row and marks it with a CSS highlight (the DOM is not touched).
 * Latin letters match in any case (a case-insensitive expression on the text itself, so offsets are
 * the text's: lowercasing İ would lengthen it). Enter and F3 go to the next match, Shift+Enter and
 * Shift+F3 to the previous one, Escape closes the bar and gives the focus back. Typing with an input
 * method searches when the composition ends, and its Enter chooses a candidate, not a match.
 */
export class FindInPanel {
  private matches: Match[] = [];
  private current = -1;
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

  /** A row was (re)created: the current match is marked again if it is in it. */
  rowCreated(index: number): void {
    const match = this.matches[this.current];
    if (!this.bar.hidden && match?.block === index) {
      this.mark(match);
    }
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
    this.matches = [];
    if (query.length > 0) {
      const pattern = new RegExp(escapeRegExp(query), 'giu');
      const columns = this.columns();
      const blocks = this.list.all;
      for (let index = 0; index < blocks.length && this.matches.length < MAX_MATCHES; index++) {
        for (const column of columns) {
          const text = column === 'original' ? blocks[index]!.original : blocks[index]!.converted;
          pattern.lastIndex = 0;
          for (let found = pattern.exec(text); found && this.matches.length < MAX_MATCHES; found = pattern.exec(text)) {
            this.matches.push({ block: index, column, start: found.index, end: found.index + found[0].length });
          }
        }
      }
    }
    // The first match at or after the block shown before (or the top of the panel).
    const from = near ?? this.list.indexAt(Math.max(0, document.scrollingElement!.scrollTop - this.list.top));
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
    if (this.matches.length === 0) {
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
    this.status.textContent = this.matches.length >= MAX_MATCHES ? `${text}+` : text;
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
