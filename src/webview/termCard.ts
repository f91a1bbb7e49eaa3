import { readingParts } from '../core/readings/readingSystem';
import type { GlossaryCard } from '../protocol/readerMessages';
import { syllableElement } from './syllableView';

/** Space between a term and its card, in pixels. */
const GAP = 6;

/** Dictionary cards shown in full; the others are listed on one line, as in the editor's hover. */
const FULL_DICTIONARY_CARDS = 4;

/**
 * The glossary card of the term under the pointer or the keyboard focus, or the dictionary cards of
 * the word under the pointer (`showDictionary`). It is placed below the term or word, or above when
 * there is no room below, so it never covers it.
 */
export class TermCard {
  private readonly cards = new Map<string, GlossaryCard>();
  private current: HTMLElement | undefined;
  /** Where the card is placed: the term's box, or the looked-up word's. */
  private anchor: (() => DOMRect) | undefined;
  /** A card opened by focus stays until focus leaves, whatever the pointer does, and the reverse. */
  private openedBy: 'pointer' | 'focus' = 'pointer';

  constructor(
    private readonly element: HTMLElement,
    root: HTMLElement,
    private readonly sourceLabel: string,
    private readonly moreLabel: string,
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
    this.anchor = () => term.getBoundingClientRect();
    this.openedBy = by;
    this.element.replaceChildren(...this.cardElements(card));
    term.setAttribute('aria-describedby', this.element.id);
    this.element.hidden = false;
    this.place();
  }

  /** Whether a glossary card is open (a dictionary card never replaces it). */
  get showsTerm(): boolean {
    return this.current !== undefined && !this.element.hidden;
  }

  /** The dictionary cards of a word, placed at `anchor`: the first few in full, the rest on a "+N more" line. */
  showDictionary(cards: readonly GlossaryCard[], anchor: () => DOMRect): void {
    if (this.showsTerm) {
      return;
    }
    const full = cards.slice(0, FULL_DICTIONARY_CARDS).flatMap((card, i) => [...(i > 0 ? [document.createElement('hr')] : []), ...this.cardElements(card)]);
    const rest = cards.slice(FULL_DICTIONARY_CARDS);
    if (rest.length > 0) {
      const more = document.createElement('div');
      more.className = 'card-more';
      more.textContent = `${this.moreLabel.replace('{0}', String(rest.length))} ${rest.map((c) => `${c.pinyin ?? c.term} ${c.english[0] ?? ''}`).join(' · ')}`;
      full.push(document.createElement('hr'), more);
    }
    this.anchor = anchor;
    this.openedBy = 'pointer';
    this.element.replaceChildren(...full);
    this.element.hidden = false;
    this.place();
  }

  /** Hides the dictionary cards, if they are what is shown. */
  hideDictionary(): void {
    if (!this.current) {
      this.hide();
    }
  }

  private hideFrom(next: EventTarget | null, by: 'pointer' | 'focus'): void {
    if (by === this.openedBy && !(next instanceof Element && this.current?.contains(next))) {
      this.hide();
    }
  }

  private hide(): void {
    this.current?.removeAttribute('aria-describedby');
    this.current = undefined;
    this.anchor = undefined;
    this.element.hidden = true;
  }

  private cardElements(card: GlossaryCard): HTMLElement[] {
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
      // CC-CEDICT writes one syllable per character, so its pinyin is coloured by tone like the ruby.
      pinyin.append(' ', ...(card.source === 'CC-CEDICT' ? spacedSyllables(card.pinyin) : [card.pinyin]));
      head.append(pinyin);
    }
    if (card.reading) {
      head.append(document.createTextNode(' '), readingElement(card.reading));
    }
    return [
      head,
      line('card-english', card.english.join('; ')),
      ...(card.resolved ?? []).map((r) => line('card-resolved', `→ ${r.term} ${r.pinyin}: ${r.english.join('; ')}`)),
      ...(card.note ? [line('card-note', card.note)] : []),
      line('card-source', `${this.sourceLabel}: ${card.domain ? `${card.source} · ${card.domain}` : card.source}`),
    ];
  }

  private place(): void {
    if (!this.anchor || this.element.hidden) {
      return;
    }
    const term = this.anchor();
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

/** Space-separated pinyin syllables, each classed by its tone. */
function spacedSyllables(pinyin: string): (HTMLElement | string)[] {
  return pinyin.split(' ').flatMap((syllable, i) => [...(i > 0 ? [' '] : []), syllableElement(syllable, 'pinyin')]);
}
