import type { FromWebviewMessage, WordStatus } from '../protocol/readerMessages';
import type { BlockList } from './blockList';
import { WORD_STATUSES } from '../core/learning/wordStatusKind';
import { segmentText } from '../core/translation/segmentation';

type Outgoing = Extract<FromWebviewMessage, { type: 'setWordStatus' }>;

/** The key that sets each status (as LingQ's keyboard does). */
const KEYS: Readonly<Record<WordStatus, string>> = { new: '0', learning1: '1', learning2: '2', learning3: '3', learning4: '4', known: 'k', ignored: 'i' };
/** The statuses the card offers, in order, with their keys. */
const CHOICES = WORD_STATUSES.map((status) => ({ status, key: KEYS[status] }));

/** Where a word was, to find the word to go on with once the panel is rendered again. */
interface Place {
  readonly block: number;
  readonly column: string;
  readonly start: number;
}

/**
 * The learner's card of a marked word (a new or learning word of the reader panel): its status
 * buttons, and a button that reads its sentence aloud where the platform has a Chinese voice (the Web
 * Speech API; no button without one). A click on a word, or Enter on a word reached with the keyboard,
 * opens it; 0 (new), 1–4 (learning), K (known) and I (ignore) set the status of the word that has the
 * focus or whose card is open. In a focused row, → and ← move between its marked words. After a
 * status is set the panel is rendered again; the focus then goes to the word now at that place, or
 * the next marked word of the row, so that a reader can go on marking from the keyboard.
 */
export class WordStatusCard {
  private word: HTMLElement | undefined;
  private resumeAt: Place | undefined;

  constructor(
    private readonly element: HTMLElement,
    root: HTMLElement,
    private readonly list: BlockList,
    private readonly send: (message: Outgoing) => void,
    private readonly source: string,
    private readonly label: (key: string, ...values: (string | number)[]) => string,
    private readonly speechLanguage: () => string,
  ) {
    element.setAttribute('role', 'dialog');
    element.setAttribute('aria-label', label('word.card'));
    root.addEventListener('click', (event) => {
      const word = wordOf(event.target);
      if (word && window.getSelection()?.isCollapsed !== false) {
        // The word takes the focus, so that the status keys work after a click too.
        const first = firstPiece(word);
        first.tabIndex = -1;
        first.focus();
        this.open(first);
      }
    });
    root.addEventListener('keydown', (event) => this.onKey(event));
    element.addEventListener('keydown', (event) => this.onKey(event));
    element.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-status]') : null;
      if (button && this.word) {
        this.setStatus(this.word, button.dataset.status as WordStatus);
      }
    });
    window.addEventListener('scroll', () => this.place(), { passive: true });
    // Chromium lists its voices only after a first call: by the time a card opens they are known.
    if (typeof speechSynthesis !== 'undefined') {
      speechSynthesis.getVoices();
    }
  }

  /** The panel was rendered again: the card's word is gone; the focus goes on from where a status was set. */
  rendered(): void {
    this.close(false);
    const place = this.resumeAt;
    if (!place) {
      return;
    }
    const cell = this.list.rowAt(place.block)?.querySelector<HTMLElement>(`.cell[data-column="${place.column}"]`);
    const next = [...(cell?.querySelectorAll<HTMLElement>('.word') ?? [])].find((w) => Number(w.dataset.wordStart) >= place.start);
    if (cell) {
      this.resumeAt = undefined;
      if (next) {
        // Words are not in the Tab order (a roving focus): focusable from script only.
        next.tabIndex = -1;
        next.focus();
      } else {
        cell.closest<HTMLElement>('.block')?.focus();
      }
    }
  }

  private open(word: HTMLElement): void {
    const first = firstPiece(word);
    this.word = first;
    const text = wordText(first);
    const status = first.dataset.status as WordStatus;
    this.element.replaceChildren();
    const heading = document.createElement('div');
    heading.className = 'word-card-word';
    heading.lang = 'zh';
    heading.textContent = text;
    const buttons = document.createElement('div');
    buttons.className = 'word-card-statuses';
    buttons.setAttribute('role', 'group');
    buttons.setAttribute('aria-label', this.label('word.status'));
    for (const choice of CHOICES) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.status = choice.status;
      button.setAttribute('aria-pressed', String(choice.status === status));
      button.textContent = `${this.label(`word.${choice.status}`)} (${choice.key.toUpperCase()})`;
      buttons.append(button);
    }
    this.element.append(heading, buttons);
    const voice = this.voice();
    if (voice) {
      const speak = document.createElement('button');
      speak.type = 'button';
      speak.className = 'word-card-speak';
      speak.textContent = this.label('word.speak');
      speak.addEventListener('click', () => this.speak(first, voice));
      this.element.append(speak);
    }
    this.element.hidden = false;
    first.setAttribute('aria-describedby', this.element.id);
    this.place();
  }

  private close(refocus: boolean): void {
    const word = this.word;
    this.word = undefined;
    this.element.hidden = true;
    word?.removeAttribute('aria-describedby');
    if (refocus && word?.isConnected) {
      word.focus();
    }
  }

  private place(): void {
    if (!this.word || this.element.hidden) {
      return;
    }
    const box = this.word.getBoundingClientRect();
    this.element.style.left = `${Math.max(4, Math.min(box.left, window.innerWidth - this.element.offsetWidth - 4))}px`;
    const below = box.bottom + 6;
    this.element.style.top = `${below + this.element.offsetHeight < window.innerHeight ? below : Math.max(4, box.top - this.element.offsetHeight - 6)}px`;
  }

  private setStatus(word: HTMLElement, status: WordStatus): void {
    const row = word.closest<HTMLElement>('.block');
    const cell = word.closest<HTMLElement>('.cell');
    if (row && cell) {
      this.resumeAt = { block: this.list.indexOf(row), column: cell.dataset.column ?? 'original', start: Number(word.dataset.wordStart) };
    }
    this.send({ type: 'setWordStatus', source: this.source, key: word.dataset.key!, word: wordText(word), status });
    this.close(false);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.altKey || event.metaKey) {
      return;
    }
    const focused = wordOf(event.target) ?? (this.element.contains(event.target as Node) ? this.word : undefined);
    const row = event.target instanceof HTMLElement && event.target.classList.contains('block') ? event.target : undefined;
    const choice = CHOICES.find((c) => c.key === event.key.toLowerCase());
    if (focused && choice) {
      this.setStatus(firstPiece(focused), choice.status);
    } else if (focused && event.key === 'Enter' && wordOf(event.target)) {
      this.open(focused);
      // Into the card, on the status the word has: Tab reaches the other buttons, Escape goes back.
      this.element.querySelector<HTMLElement>('button[aria-pressed="true"]')?.focus();
    } else if (event.key === 'Escape' && !this.element.hidden) {
      this.close(true);
    } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && (row ?? wordOf(event.target)?.closest('.block'))?.querySelector('.word')) {
      this.move((row ?? wordOf(event.target)!.closest<HTMLElement>('.block'))!, wordOf(event.target), event.key === 'ArrowRight' ? 1 : -1);
    } else {
      return;
    }
    event.preventDefault();
    // Not to the panel's other keys on the same element either (Enter there reveals the line in the editor).
    event.stopImmediatePropagation();
  }

  /** Moves the focus to the next (or previous) marked word of the row, as a roving focus: words are not in the Tab order. */
  private move(row: HTMLElement, from: HTMLElement | undefined, step: 1 | -1): void {
    const words = [...row.querySelectorAll<HTMLElement>('.word')].filter((w) => firstPiece(w) === w);
    const at = from ? words.indexOf(firstPiece(from)) : step === 1 ? -1 : words.length;
    const next = words[at + step];
    if (next) {
      next.tabIndex = -1;
      next.focus();
    } else if (from) {
      row.focus();
    }
  }

  private voice(): SpeechSynthesisVoice | undefined {
    const language = this.speechLanguage().toLowerCase();
    const voices = typeof speechSynthesis === 'undefined' ? [] : speechSynthesis.getVoices();
    return voices.find((v) => v.lang.toLowerCase() === language) ?? voices.find((v) => v.lang.toLowerCase().startsWith('zh'));
  }

  /** Reads aloud the sentence of the word. */
  private speak(word: HTMLElement, voice: SpeechSynthesisVoice): void {
    const cell = word.closest<HTMLElement>('.cell');
    const text = cell ? textWithoutReadings(cell) : wordText(word);
    const at = cell ? textLengthBefore(cell, word) : 0;
    // The sentence as the translation column cuts it (segmentation.ts).
    const sentence = segmentText(text).find((s) => s.start <= at && at < s.end) ?? { start: 0, end: text.length };
    const utterance = new SpeechSynthesisUtterance(text.slice(sentence.start, sentence.end));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
  }
}

function wordOf(target: EventTarget | null): HTMLElement | undefined {
  return target instanceof Element ? (target.closest<HTMLElement>('.word') ?? undefined) : undefined;
}

/** The first piece of the word `piece` belongs to (a word cut by a term's or note's edge is several elements). */
function firstPiece(piece: HTMLElement): HTMLElement {
  const cell = piece.closest('.cell');
  return cell?.querySelector<HTMLElement>(`.word[data-word-start="${piece.dataset.wordStart}"]`) ?? piece;
}

/** The word's text, from all its pieces, readings over characters left out. */
function wordText(first: HTMLElement): string {
  const cell = first.closest('.cell');
  const pieces = cell ? [...cell.querySelectorAll<HTMLElement>(`.word[data-word-start="${first.dataset.wordStart}"]`)] : [first];
  return pieces.map((p) => textWithoutReadings(p)).join('');
}

/** The text of `element` without the readings shown over it. */
function textWithoutReadings(element: HTMLElement): string {
  let text = '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('rt')) {
      text += node.textContent ?? '';
    }
  }
  return text;
}

/** The length of `element`'s text (readings left out) before `until`, an element inside it. */
function textLengthBefore(element: HTMLElement, until: HTMLElement): number {
  let length = 0;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && !until.contains(node) && until.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING; node = walker.nextNode()) {
    if (!node.parentElement?.closest('rt')) {
      length += node.textContent?.length ?? 0;
    }
  }
  return length;
}
