import { SEGMENT_STATES } from '../core/translation/segmentState';
import type { FromWebviewMessage, SegmentItem, SegmentState, ToWebviewMessage } from '../protocol/readerMessages';

type SegmentsMessage = Extract<ToWebviewMessage, { type: 'segments' }>;
type HelpMessage = Extract<ToWebviewMessage, { type: 'segmentHelp' }>;
type Outgoing = Extract<FromWebviewMessage, { type: 'requestSegments' | 'translate' | 'requestSegmentHelp' | 'didScroll' }>;

/** Typing pauses this long (ms) before a draft is saved: nothing typed waits long for the disk. */
const AUTOSAVE_MS = 700;
/** Shortcuts numbered 1–9: Alt+n inserts the n-th glossary rendering, Ctrl+n the n-th memory match. */
const NUMBERED = 9;

/** A row of the column: one segment, its field, and what was last sent or saved for it. */
interface Row {
  readonly item: SegmentItem;
  readonly element: HTMLLIElement;
  readonly field: HTMLTextAreaElement;
  readonly status: HTMLSelectElement;
  /** The text and state the extension has (saved), or was last sent (on its way); undefined after a refusal (sent again). */
  sent: { text: string; state: SegmentState } | undefined;
}

/**
 * The panel's side of the translation column (layout `translation`): a page of segments, each its
 * source sentence beside a multi-line field for its translation and its status, with the glossary's
 * renderings and the memory's matches under the segment being edited. Keyboard: Tab / Shift+Tab move
 * to the next / previous segment (saving a changed one as a draft), Ctrl+Enter marks it translated
 * and moves on, Alt+1–9 inserts a glossary rendering and Ctrl+1–9 a memory match at the cursor
 * (through the field's own editing, so Ctrl+Z undoes it). Handled keys go no further (not to VS
 * Code's keybindings). Fields keep what was typed until the extension has it: a page sent again
 * (after an edit or a save) never replaces text being typed or not yet saved.
 */
export class TranslationColumn {
  private readonly list: HTMLOListElement;
  private readonly progress: HTMLElement;
  private readonly pageLabel: HTMLElement;
  private readonly previous: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly problem: HTMLElement;
  private readonly orphans: HTMLDetailsElement;
  private readonly help: HTMLElement;
  private rows = new Map<number, Row>();
  private start = 0;
  private total = 0;
  private shown = false;
  /**
   * Texts not yet saved (sent and not yet confirmed, or refused), by segment, with the sentence they
   * were typed for: a page whose segments moved (an edit above) finds them again by that sentence.
   */
  private readonly unsaved = new Map<number, { text: string; state: SegmentState; sentence: string; refused: boolean }>();
  /** A segment to focus once its page arrives. */
  private focusWhenShown: number | undefined;
  private current: number | undefined;
  private helpInserts: { terms: string[]; matches: string[] } = { terms: [], matches: [] };
  private autosave: ReturnType<typeof setTimeout> | undefined;

  constructor(
    root: HTMLElement,
    private readonly source: string,
    private readonly send: (message: Outgoing) => void,
    private readonly label: (key: string, ...values: (string | number)[]) => string,
  ) {
    root.setAttribute('aria-label', label('translation.region'));
    const header = append(root, 'div', 'translation-header');
    this.progress = append(header, 'span', 'translation-progress');
    this.progress.setAttribute('role', 'status');
    this.previous = append(header, 'button', 'translation-previous');
    this.previous.type = 'button';
    this.previous.textContent = label('translation.previousPage');
    this.pageLabel = append(header, 'span', 'translation-page');
    this.next = append(header, 'button', 'translation-next');
    this.next.type = 'button';
    this.next.textContent = label('translation.nextPage');
    append(header, 'span', 'translation-keys').textContent = label('translation.keys');
    this.orphans = append(root, 'details', 'translation-orphans');
    this.orphans.hidden = true;
    this.problem = append(root, 'p', 'translation-problem');
    this.problem.hidden = true;
    this.list = append(root, 'ol', 'segments');
    this.help = document.createElement('div');
    this.help.className = 'segment-help';
    this.help.setAttribute('aria-live', 'polite');
    this.previous.addEventListener('click', () => this.requestPage(this.start - 1));
    this.next.addEventListener('click', () => this.requestPage(this.start + this.rows.size));
    this.list.addEventListener('keydown', (event) => this.onKey(event));
    this.list.addEventListener('input', (event) => this.onInput(event));
    this.list.addEventListener('compositionend', (event) => this.onComposed(event));
    this.list.addEventListener('focusout', (event) => this.onLeave(event));
    this.list.addEventListener('focusin', (event) => this.onEnter(event));
    this.list.addEventListener('change', (event) => this.onStatus(event));
    // Clicking a rendering or a match inserts it where the cursor is: the field keeps the focus.
    this.help.addEventListener('mousedown', (event) => event.preventDefault());
    this.help.addEventListener('click', (event) => this.onHelpClick(event));
  }

  /** The column came into view: ask for the page holding document line `line`. */
  show(line: number | undefined): void {
    this.shown = true;
    this.send({ type: 'requestSegments', source: this.source, ...(line !== undefined ? { line: Math.floor(line) } : { start: this.start }) });
  }

  hide(): void {
    this.shown = false;
    this.flush();
  }

  /** Saves what is typed in the field being edited now (the panel is about to go). */
  flush(): void {
    if (this.current !== undefined) {
      this.commit(this.current);
    }
  }

  receive(message: SegmentsMessage): void {
    if (!this.shown) {
      return;
    }
    this.problem.hidden = message.problem === undefined;
    this.problem.textContent = message.problem ?? '';
    const samePage = message.start === this.start && message.items.length === this.rows.size && message.items.every((item) => this.rows.get(item.index)?.item.sentence === item.sentence);
    this.start = message.start;
    this.total = message.total;
    if (samePage) {
      for (const item of message.items) {
        this.updateRow(item);
      }
    } else {
      this.build(message.items);
    }
    const { done, segments, doneCharacters, characters } = message.progress;
    const percent = characters === 0 ? 0 : Math.floor((doneCharacters * 100) / characters);
    const progress = this.label('translation.progress', done, segments, doneCharacters, characters, percent);
    // Set only when it changed: a status region is announced again whenever its text is set.
    if (this.progress.textContent !== progress) {
      this.progress.textContent = progress;
    }
    this.pageLabel.textContent = message.total === 0 ? this.label('translation.empty') : this.label('translation.page', message.start + 1, message.start + message.items.length, message.total);
    this.showOrphans(message.orphans, message.orphanCount);
    this.previous.disabled = message.start === 0;
    this.next.disabled = message.start + message.items.length >= message.total;
    document.body.dataset.segmentsStart = String(message.start);
    const focus = this.focusWhenShown;
    // Asked for once: a page that does not hold it (the article got shorter) does not keep it waiting.
    this.focusWhenShown = undefined;
    if (focus !== undefined && this.rows.has(focus)) {
      this.focusRow(focus);
    }
  }

  receiveHelp(message: HelpMessage): void {
    if (message.index !== this.current) {
      return;
    }
    this.help.replaceChildren();
    const renderings = message.terms.flatMap((t) => t.english.map((english) => ({ term: t.term, english })));
    this.helpInserts = { terms: renderings.slice(0, NUMBERED).map((r) => r.english), matches: message.matches.slice(0, NUMBERED).map((m) => m.target) };
    if (renderings.length === 0 && message.matches.length === 0) {
      append(this.help, 'p', 'help-none').textContent = this.label('translation.noHelp');
      return;
    }
    if (renderings.length > 0) {
      append(this.help, 'h3', '').textContent = this.label('translation.terms');
      const terms = append(this.help, 'ul', 'help-terms');
      renderings.forEach((r, i) => {
        const button = append(append(terms, 'li', ''), 'button', 'help-term');
        button.type = 'button';
        button.dataset.insert = r.english;
        if (i < NUMBERED) {
          append(button, 'kbd', '').textContent = String(i + 1);
          button.title = this.label('translation.insertTerm', r.english, i + 1);
        }
        append(button, 'span', 'help-source').textContent = r.term;
        append(button, 'span', 'help-arrow').textContent = ' → ';
        append(button, 'span', 'help-target').textContent = r.english;
      });
    }
    if (message.matches.length > 0) {
      append(this.help, 'h3', '').textContent = this.label('translation.matches');
      const matches = append(this.help, 'ul', 'help-matches');
      message.matches.forEach((m, i) => {
        const button = append(append(matches, 'li', ''), 'button', 'help-match');
        button.type = 'button';
        button.dataset.insert = m.target;
        if (i < NUMBERED) {
          append(button, 'kbd', '').textContent = String(i + 1);
          button.title = this.label('translation.insertMatch', i + 1);
        }
        append(button, 'span', 'match-score').textContent = `${Math.floor(m.similarity * 100)}%`;
        const differences = append(button, 'span', 'match-source');
        differences.lang = 'zh';
        // -1: only in the memory's sentence (struck out); 1: only in this segment (marked as missing from the match).
        for (const [op, text] of m.differences) {
          append(differences, op === -1 ? 'del' : op === 1 ? 'ins' : 'span', '').textContent = text;
        }
        append(button, 'span', 'match-target').textContent = m.target;
        append(button, 'span', 'match-origin').textContent = m.origin;
      });
    }
  }

  /** Focuses segment `index`, asking for its page first if it is on another. */
  reveal(index: number): void {
    if (this.rows.has(index)) {
      this.focusRow(index);
    } else {
      this.focusWhenShown = index;
      this.flush();
      this.send({ type: 'requestSegments', source: this.source, start: index });
    }
  }

  /** Translations whose sentence is gone: listed (sentence and translation), kept open if the user opened the list. */
  private showOrphans(orphans: SegmentsMessage['orphans'], count: number): void {
    this.orphans.hidden = count === 0;
    const open = this.orphans.open;
    this.orphans.replaceChildren();
    append(this.orphans, 'summary', '').textContent = this.label('translation.orphans', count);
    const list = append(this.orphans, 'ul', '');
    for (const orphan of orphans) {
      const item = append(list, 'li', '');
      const sentence = append(item, 'span', 'orphan-source');
      sentence.lang = 'zh';
      sentence.textContent = orphan.sentence;
      append(item, 'span', 'help-arrow').textContent = ' → ';
      append(item, 'span', 'orphan-target').textContent = orphan.target;
    }
    this.orphans.open = open;
  }

  /**
   * The save of `text` for `sentence` was refused (the user was told why, with the text): the text
   * stays in its field, marked, and goes again with the next Tab or edit, in the state chosen.
   */
  notSaved(index: number, sentence: string, text: string): void {
    const waiting = this.unsaved.get(index);
    if (waiting?.sentence === sentence && waiting.text === text) {
      waiting.refused = true;
    }
    const row = this.rows.get(index);
    if (row?.item.sentence === sentence && row.field.value === text) {
      row.sent = undefined;
      this.markRefused(row, true);
    }
  }

  private markRefused(row: Row, refused: boolean): void {
    row.element.classList.toggle('not-saved', refused);
    const notice = row.element.querySelector('.segment-not-saved')!;
    // Emptied and filled again, so that a second refusal is announced too.
    notice.textContent = '';
    if (refused) {
      notice.textContent = this.label('translation.notSaved');
    }
  }

  private build(items: readonly SegmentItem[]): void {
    // What is typed in the field going away is sent first (for the sentence it was typed for).
    this.flush();
    const hadFocus = this.current;
    this.rows = new Map();
    this.list.replaceChildren();
    let block = -1;
    for (const item of items) {
      const element = append(this.list, 'li', 'segment');
      element.classList.toggle('block-start', item.block !== block);
      block = item.block;
      element.dataset.index = String(item.index);
      const sentence = append(element, 'div', 'segment-source');
      sentence.lang = 'zh';
      sentence.id = `segment-source-${item.index}`;
      sentence.textContent = item.sentence;
      const target = append(element, 'div', 'segment-target');
      const field = append(target, 'textarea', 'segment-field');
      field.rows = 2;
      field.spellcheck = true;
      field.setAttribute('aria-label', this.label('translation.field', item.index + 1));
      // Read with the field: its sentence, then what is flagged about it (source changed, not saved, checks).
      field.setAttribute('aria-describedby', `${sentence.id} segment-flags-${item.index} segment-checks-${item.index}`);
      const meta = append(target, 'div', 'segment-meta');
      meta.id = `segment-flags-${item.index}`;
      const status = append(meta, 'select', 'segment-state');
      status.setAttribute('aria-label', this.label('translation.state', item.index + 1));
      for (const state of SEGMENT_STATES) {
        status.append(new Option(this.label(`state.${state}`), state));
      }
      append(meta, 'span', 'segment-changed').textContent = this.label('translation.sourceChanged');
      append(meta, 'span', 'segment-not-saved').setAttribute('role', 'alert');
      append(target, 'ul', 'segment-checks').id = `segment-checks-${item.index}`;
      const row: Row = { item, element, field, status, sent: { text: item.target, state: item.state } };
      this.rows.set(item.index, row);
      this.reattachUnsaved(item);
      const waiting = this.unsaved.get(item.index);
      field.value = waiting?.text ?? item.target;
      if (waiting) {
        // On its way (what was sent), or refused (to be sent again).
        row.sent = waiting.refused ? undefined : { text: waiting.text, state: waiting.state };
      }
      this.updateRow(item);
    }
    this.current = undefined;
    if (hadFocus !== undefined && this.rows.has(hadFocus)) {
      this.focusRow(hadFocus);
    }
  }

  /**
   * Moves text not yet saved to `item`'s index when it was typed for `item`'s sentence at another
   * index (the segments moved); text for a sentence no longer on the page stays where it was.
   */
  private reattachUnsaved(item: SegmentItem): void {
    const here = this.unsaved.get(item.index);
    if (here?.sentence === item.sentence) {
      return;
    }
    let found: number | undefined;
    for (const [index, waiting] of this.unsaved) {
      // Not one that a row of this page already holds for the same sentence.
      const taken = index !== item.index && this.rows.get(index)?.item.sentence === waiting.sentence;
      if (waiting.sentence === item.sentence && !taken && (found === undefined || Math.abs(index - item.index) < Math.abs(found - item.index))) {
        found = index;
      }
    }
    if (found !== undefined) {
      const waiting = this.unsaved.get(found)!;
      this.unsaved.delete(found);
      if (here) {
        // Another sentence's text held this index: it keeps a place of its own until it is sent again.
        this.unsaved.set(found, here);
      }
      this.unsaved.set(item.index, waiting);
    }
  }

  /** Shows `item` in its row, keeping text typed and not yet saved. */
  private updateRow(item: SegmentItem): void {
    const row = this.rows.get(item.index);
    if (!row) {
      return;
    }
    (row as { item: SegmentItem }).item = item;
    const waiting = this.unsaved.get(item.index);
    if (waiting && waiting.sentence === item.sentence && waiting.text === item.target && waiting.state === item.state) {
      // The extension has it now.
      this.unsaved.delete(item.index);
      this.markRefused(row, false);
    }
    const pending = this.unsaved.get(item.index);
    // Typed since it was last sent: the field and its status stay as the translator left them.
    const editing = row.sent === undefined || row.field.value !== row.sent.text;
    if (pending?.sentence !== item.sentence && !editing) {
      row.field.value = item.target;
      row.sent = { text: item.target, state: item.state };
      row.status.value = item.state;
    } else if (pending?.sentence === item.sentence) {
      row.status.value = pending.state;
      this.markRefused(row, pending.refused);
    }
    row.element.dataset.state = item.state;
    row.element.classList.toggle('source-changed', item.sourceChanged);
    const checks = row.element.querySelector('.segment-checks')!;
    checks.replaceChildren(...item.checks.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
    row.element.classList.toggle('has-checks', item.checks.length > 0);
  }

  private rowOf(target: EventTarget | null): Row | undefined {
    const element = target instanceof Element ? target.closest<HTMLElement>('.segment') : null;
    return element ? this.rows.get(Number(element.dataset.index)) : undefined;
  }

  /**
   * Sends the row's text if it changed since last sent: as a draft when the text changed (an edit
   * reopens a translated segment, as in CAT tools), `state` when given, not started when emptied.
   */
  private commit(index: number, state?: SegmentState): void {
    clearTimeout(this.autosave);
    const row = this.rows.get(index);
    if (!row) {
      return;
    }
    const text = row.field.value;
    // After a refusal nothing counts as sent: the text goes again, in the state chosen for it.
    const base = row.sent ?? this.unsaved.get(index);
    const chosen = state ?? (text === base?.text ? (row.status.value as SegmentState) : text.trim().length === 0 ? 'initial' : 'draft');
    // A translated or reviewed segment needs a translation: the status waits for one.
    const next = (chosen === 'translated' || chosen === 'reviewed') && text.trim().length === 0 ? 'initial' : chosen;
    if (row.sent && text === row.sent.text && next === row.sent.state) {
      return;
    }
    row.sent = { text, state: next };
    row.status.value = next;
    this.unsaved.set(index, { text, state: next, sentence: row.item.sentence, refused: false });
    this.markRefused(row, false);
    this.send({ type: 'translate', source: this.source, index, sentence: row.item.sentence, text, state: next });
  }

  private focusRow(index: number): void {
    const row = this.rows.get(index);
    if (row) {
      row.field.focus();
      row.element.scrollIntoView({ block: 'nearest' });
    } else if (index >= 0 && index < this.total) {
      this.focusWhenShown = index;
      this.requestPage(index);
    }
  }

  private requestPage(index: number): void {
    if (index >= 0 && index < this.total) {
      this.flush();
      this.send({ type: 'requestSegments', source: this.source, start: index });
    }
  }

  private onKey(event: KeyboardEvent): void {
    const row = this.rowOf(event.target);
    if (!row || event.target !== row.field || event.isComposing) {
      return;
    }
    const index = row.item.index;
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
    const step = event.shiftKey ? -1 : 1;
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey) {
      this.commit(index);
      if (index + step < 0 || index + step >= this.total) {
        // Past the first or last segment, Tab leaves the column as it would any field.
        return;
      }
      this.focusRow(index + step);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      // Ctrl+Enter: translated (a reviewed segment left unchanged stays reviewed); Ctrl+Shift+Enter: reviewed.
      const done = event.shiftKey ? 'reviewed' : row.sent?.state === 'reviewed' && row.field.value === row.sent.text ? 'reviewed' : 'translated';
      this.commit(index, row.field.value.trim().length > 0 ? done : undefined);
      this.focusRow(index + 1);
    } else if (event.key === 'Escape') {
      // Out of the field to its status select; Tab goes on from there through the row's buttons.
      row.status.focus();
    } else if (digit && event.altKey && !event.ctrlKey) {
      this.insert(row.field, this.helpInserts.terms[Number(digit) - 1]);
    } else if (digit && event.ctrlKey && !event.altKey) {
      this.insert(row.field, this.helpInserts.matches[Number(digit) - 1]);
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  /** Inserts `text` at the field's cursor through its own editing (undoable with Ctrl+Z). */
  private insert(field: HTMLTextAreaElement, text: string | undefined): void {
    if (text === undefined) {
      return;
    }
    field.focus();
    // execCommand is deprecated but is still the one way to insert into a field's undo history.
    if (!document.execCommand('insertText', false, text)) {
      field.setRangeText(text, field.selectionStart, field.selectionEnd, 'end');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  private onInput(event: Event): void {
    const row = this.rowOf(event.target);
    if (!row || event.target !== row.field) {
      return;
    }
    // The status shows what the save will record: an edit makes a draft (emptied: not started), undone it is back.
    if (row.sent && row.field.value === row.sent.text) {
      row.status.value = row.sent.state;
    } else if (row.sent) {
      row.status.value = row.field.value.trim().length > 0 ? 'draft' : 'initial';
    }
    clearTimeout(this.autosave);
    // Text an IME is still composing is not the translator's yet: saved once composed (compositionend).
    if (!(event instanceof InputEvent && event.isComposing)) {
      this.autosave = setTimeout(() => this.commit(row.item.index), AUTOSAVE_MS);
    }
  }

  private onComposed(event: CompositionEvent): void {
    const row = this.rowOf(event.target);
    if (row && event.target === row.field) {
      clearTimeout(this.autosave);
      this.autosave = setTimeout(() => this.commit(row.item.index), AUTOSAVE_MS);
    }
  }

  private onLeave(event: FocusEvent): void {
    const row = this.rowOf(event.target);
    if (row && event.target === row.field) {
      this.commit(row.item.index);
    }
  }

  private onEnter(event: FocusEvent): void {
    const row = this.rowOf(event.target);
    if (!row || row.item.index === this.current) {
      return;
    }
    this.current = row.item.index;
    this.helpInserts = { terms: [], matches: [] };
    this.help.replaceChildren();
    row.element.querySelector('.segment-target')!.append(this.help);
    document.body.dataset.currentSegment = String(row.item.index);
    this.send({ type: 'requestSegmentHelp', source: this.source, index: row.item.index, sentence: row.item.sentence });
    // The editor follows the segment being translated.
    this.send({ type: 'didScroll', source: this.source, line: row.item.line });
  }

  private onStatus(event: Event): void {
    const row = this.rowOf(event.target);
    if (row && event.target === row.status) {
      this.commit(row.item.index, row.status.value as SegmentState);
    }
  }

  private onHelpClick(event: MouseEvent): void {
    const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-insert]') : null;
    const row = this.current === undefined ? undefined : this.rows.get(this.current);
    if (button && row) {
      this.insert(row.field, button.dataset.insert);
    }
  }
}

function append<K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, className: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  parent.append(element);
  return element;
}
