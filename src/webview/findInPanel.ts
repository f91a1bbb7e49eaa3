import type { BlockList } from './blockList';
import { rangeOfTextOffsets } from './blockView';

const HIGHLIGHT = 'find-match';

interface Match {
  readonly block: number;
  readonly column: 'original' | 'converted';
  readonly start: number;
  readonly end: number;
}

/**
 * Find in the panel (Ctrl+F / Cmd+F): searches the blocks' text — both columns, or the one the layout
 * shows — in the data, not the DOM, so a long document's rows that are not rendered are found too;
 * going to a match renders its row and marks it with a CSS highlight (the DOM is not touched).
 * Latin letters match in any case. Enter and F3 go to the next match, Shift+Enter and Shift+F3 to
 * the previous one, Escape closes the bar and gives the focus back.
 */
export class FindInPanel {
  private matches: Match[] = [];
  private current = -1;
  private returnFocus: HTMLElement | undefined;

  constructor(
    private readonly bar: HTMLElement,
    private readonly input: HTMLInputElement,
    private readonly status: HTMLElement,
    private readonly list: BlockList,
    private readonly columns: () => readonly ('original' | 'converted')[],
    private readonly countLabel: (current: number, total: number) => string,
  ) {
    document.addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        this.open();
      } else if (event.key === 'F3' && !this.bar.hidden) {
        event.preventDefault();
        this.step(event.shiftKey ? -1 : 1);
      }
    });
    input.addEventListener('input', () => this.search());
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.step(event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
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
    this.bar.hidden = true;
    CSS.highlights?.delete(HIGHLIGHT);
    this.returnFocus?.focus();
    this.returnFocus = undefined;
  }

  /** The blocks changed (a render or a patch): matches are found again, staying near the current one. */
  refresh(): void {
    if (!this.bar.hidden) {
      this.search(false);
    }
  }

  private search(go = true): void {
    const query = this.input.value;
    const previous = this.matches[this.current];
    this.matches = [];
    if (query.length > 0) {
      const needle = query.toLowerCase();
      const columns = this.columns();
      this.list.all.forEach((block, index) => {
        for (const column of columns) {
          const text = (column === 'original' ? block.original : block.converted).toLowerCase();
          for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
            this.matches.push({ block: index, column, start: at, end: at + needle.length });
          }
        }
      });
    }
    // The first match at or after the one shown before (or the top of the panel).
    const from = previous?.block ?? this.list.indexAt(Math.max(0, document.scrollingElement!.scrollTop - this.list.top));
    this.current = this.matches.length === 0 ? -1 : Math.max(0, this.matches.findIndex((m) => m.block >= from));
    if (go) {
      this.show();
    } else {
      this.showStatus();
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
    this.status.textContent = this.countLabel(this.current + 1, this.matches.length);
  }

  private show(): void {
    this.showStatus();
    const match = this.matches[this.current];
    if (!match) {
      CSS.highlights?.delete(HIGHLIGHT);
      return;
    }
    if (!this.list.rowAt(match.block)) {
      this.list.scrollToIndex(match.block);
    }
    const cell = this.list.rowAt(match.block)?.querySelector<HTMLElement>(`.cell.${match.column}`);
    const range = cell && rangeOfTextOffsets(cell, match.start, match.end);
    if (!range) {
      return;
    }
    CSS.highlights?.set(HIGHLIGHT, new Highlight(range));
    const box = range.getBoundingClientRect();
    const toolbar = document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
    if (box.top < toolbar || box.bottom > window.innerHeight) {
      document.scrollingElement!.scrollTop += box.top - toolbar - window.innerHeight / 3;
    }
  }
}
