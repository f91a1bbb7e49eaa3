import { readingParts } from '../core/readings/readingSystem';
import type { GlossaryCard } from '../protocol/readerMessages';
import { syllableElement } from './syllableView';

/** Space between a term and its card, in pixels. */
const GAP = 6;

/**
 * The glossary card of the term under the pointer or the keyboard focus. It is placed below the
 * term, or above when there is no room below, so it never covers the term itself.
 */
export class TermCard {
  private readonly cards = new Map<string, GlossaryCard>();
  private current: HTMLElement | undefined;
  /** A card opened by focus stays until focus leaves, whatever the pointer does, and the reverse. */
  private openedBy: 'pointer' | 'focus' = 'pointer';

  constructor(
    private readonly element: HTMLElement,
    root: HTMLElement,
    private readonly sourceLabel: string,
  ) {
    root.addEventListener('mouseover', (e) => this.showFor(e.target, 'pointer'));
    root.addEventListener('focusin', (e) => this.showFor(e.target, 'focus'));
    root.addEventListener('mouseout', (e) => this.hideFrom(e.relatedTarget, 'pointer'));
    root.addEventListener('focusout', (e) => this.hideFrom(e.relatedTarget, 'focus'));
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.hide();
      }
    });
    window.addEventListener('scroll', () => this.place(), { passive: true });
  }

  add(cards: Readonly<Record<string, GlossaryCard>>): void {
    for (const [key, card] of Object.entries(cards)) {
      this.cards.set(key, card);
    }
  }

  private showFor(target: EventTarget | null, by: 'pointer' | 'focus'): void {
    const term = target instanceof Element ? (target.closest('.term') as HTMLElement | null) : null;
    const card = term?.dataset.card ? this.cards.get(term.dataset.card) : undefined;
    if (!term || !card) {
      return;
    }
    this.current = term;
    this.openedBy = by;
    this.render(card);
    term.setAttribute('aria-describedby', this.element.id);
    this.element.hidden = false;
    this.place();
  }

  private hideFrom(next: EventTarget | null, by: 'pointer' | 'focus'): void {
    if (by === this.openedBy && !(next instanceof Element && this.current?.contains(next))) {
      this.hide();
    }
  }

  private hide(): void {
    this.current?.removeAttribute('aria-describedby');
    this.current = undefined;
    this.element.hidden = true;
  }

  private render(card: GlossaryCard): void {
    const line = (className: string, text: string) => {
      const div = document.createElement('div');
      div.className = className;
      div.textContent = text;
      return div;
    };
    const head = document.createElement('div');
    head.className = 'card-head';
    const term = document.createElement('strong');
    term.textContent = card.term;
    head.append(term);
    if (card.otherForms.length > 0) {
      head.append(document.createTextNode(` · ${card.otherForms.join(' · ')}`));
    }
    // The reading the ruby shows, coloured by tone like it; the glossary's own pinyin beside another system.
    if (card.pinyin && card.reading?.system !== 'pinyin') {
      const pinyin = document.createElement('em');
      pinyin.textContent = ` ${card.pinyin}`;
      head.append(pinyin);
    }
    if (card.reading) {
      head.append(document.createTextNode(' '), readingElement(card.reading));
    }
    this.element.replaceChildren(
      head,
      line('card-english', card.english.join('; ')),
      ...(card.note ? [line('card-note', card.note)] : []),
      line('card-source', `${this.sourceLabel}: ${card.domain ? `${card.source} · ${card.domain}` : card.source}`),
    );
  }

  private place(): void {
    if (!this.current || this.element.hidden) {
      return;
    }
    const term = this.current.getBoundingClientRect();
    const card = this.element.getBoundingClientRect();
    const below = term.bottom + GAP + card.height <= window.innerHeight || term.top - GAP - card.height < 0;
    const top = below ? term.bottom + GAP : term.top - GAP - card.height;
    const left = Math.max(4, Math.min(term.left, window.innerWidth - card.width - 4));
    this.element.style.top = `${Math.round(top)}px`;
    this.element.style.left = `${Math.round(left)}px`;
  }
}

/** A reading, one span per syllable classed by its tone as the ruby's are. */
function readingElement(reading: NonNullable<GlossaryCard['reading']>): HTMLElement {
  const element = document.createElement('span');
  element.className = 'card-reading';
  const parts = readingParts(reading.system);
  parts.forEach((part, index) => {
    if (index > 0) {
      element.append(document.createTextNode(' / '));
    }
    reading.syllables.forEach((syllables, k) => {
      const syllable = syllables[index] ?? '';
      if (k > 0) {
        element.append(document.createTextNode(' '));
      }
      element.append(syllableElement(syllable, part));
    });
  });
  return element;
}
