import type { FromWebviewMessage, ToWebviewMessage } from '../protocol/readerMessages';
import type { BlockList } from './blockList';
import { rangeOfTextOffsets, textOffsetIn } from './blockView';
import type { TermCard } from './termCard';

/** Pointer rest before a word is looked up, in ms: moving across text sends nothing. */
const REST_MS = 150;
const HIGHLIGHT = 'dictionary-word';

type LookupResult = Extract<ToWebviewMessage, { type: 'lookupResult' }>;

/**
 * Looks up the CC-CEDICT word under the pointer in either column, as the editor's hover does and
 * the Zhongwen extension does in a page: the longest dictionary word starting at the character
 * pointed at. Glossary terms keep their own cards. The word found is highlighted (CSS Custom
 * Highlight, so the DOM is not touched) while its cards show.
 */
export class WordLookup {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;
  private pending = 0;
  private asked: { block: number; column: string; offset: number } | undefined;
  private shown: { block: number; column: string; start: number; end: number } | undefined;

  constructor(
    root: HTMLElement,
    private readonly list: BlockList,
    private readonly card: TermCard,
    private readonly post: (message: FromWebviewMessage) => void,
    private readonly source: string,
    private readonly version: () => number,
  ) {
    root.addEventListener('mousemove', (e) => this.schedule(e.clientX, e.clientY));
    root.addEventListener('mouseleave', () => this.clear());
    root.addEventListener('keydown', (e) => e.key === 'Escape' && this.clear());
    window.addEventListener('scroll', () => this.clear(), { passive: true });
  }

  /** Shows the cards of an answer, if it answers the latest question. */
  receive(result: LookupResult): void {
    if (result.id !== this.pending) {
      return;
    }
    const cell = this.list.rowAt(result.block)?.querySelector<HTMLElement>(`.cell.${result.column}`);
    const range = cell && result.cards.length > 0 ? rangeOfTextOffsets(cell, result.start, result.end) : undefined;
    if (!range) {
      this.clear();
      return;
    }
    if (this.card.showsTerm) {
      // A glossary card opened by the keyboard stays; no highlight without its card.
      return;
    }
    this.shown = { block: result.block, column: result.column, start: result.start, end: result.end };
    CSS.highlights?.set(HIGHLIGHT, new Highlight(range));
    this.card.showDictionary(result.cards, () => range.getBoundingClientRect());
  }

  /** Forgets the word shown and any answer still to come: the panel's text was re-rendered or patched. */
  reset(): void {
    this.clear();
  }

  private schedule(x: number, y: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.lookUp(x, y), REST_MS);
  }

  private lookUp(x: number, y: number): void {
    const at = this.positionAt(x, y);
    if (!at) {
      this.clear();
      return;
    }
    const { block, column, offset } = at;
    if (this.shown && this.shown.block === block && this.shown.column === column && offset >= this.shown.start && offset < this.shown.end) {
      return;
    }
    if (this.asked && this.asked.block === block && this.asked.column === column && this.asked.offset === offset) {
      return;
    }
    this.asked = at;
    this.pending = this.nextId++;
    this.post({ type: 'lookup', source: this.source, id: this.pending, version: this.version(), block, column, offset });
  }

  /** The block, column and text offset of the character under the pointer; none over a glossary term, a reading or no text. */
  private positionAt(x: number, y: number): { block: number; column: 'original' | 'converted'; offset: number } | undefined {
    const caret = document.caretRangeFromPoint?.(x, y);
    const node = caret?.startContainer;
    const parent = node?.parentElement;
    if (!caret || !node || node.nodeType !== Node.TEXT_NODE || !parent || parent.closest('rt, .term, .control-char')) {
      return undefined;
    }
    const cell = parent.closest<HTMLElement>('.cell');
    const row = cell?.closest<HTMLElement>('.block');
    if (!cell || !row) {
      return undefined;
    }
    // The caret falls before or after the character under the pointer: take the one whose box holds the point.
    let offset = caret.startOffset;
    const boxAt = (at: number) => {
      const probe = document.createRange();
      probe.setStart(node, at);
      probe.setEnd(node, Math.min(at + 1, node.textContent?.length ?? 0));
      return probe.getBoundingClientRect();
    };
    let box = boxAt(offset);
    if (offset > 0 && (box.width === 0 || x < box.left)) {
      offset--;
      box = boxAt(offset);
    }
    // Past the end of a short line, or between lines, the nearest caret is no character pointed at.
    if (x < box.left || x > box.right || y < box.top || y > box.bottom) {
      return undefined;
    }
    const block = this.list.indexOf(row);
    return { block, column: cell.dataset.column === 'converted' ? 'converted' : 'original', offset: textOffsetIn(cell, node, offset) };
  }

  private clear(): void {
    clearTimeout(this.timer);
    this.asked = undefined;
    this.shown = undefined;
    this.pending = 0;
    CSS.highlights?.delete(HIGHLIGHT);
    this.card.hideDictionary();
  }
}
