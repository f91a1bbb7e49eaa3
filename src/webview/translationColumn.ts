import type { FromWebviewMessage, SegmentItem, SegmentState, ToWebviewMessage } from '../protocol/readerMessages';

type SegmentsMessage = Extract<ToWebviewMessage, { type: 'segments' }>;
type HelpMessage = Extract<ToWebviewMessage, { type: 'segmentHelp' }>;
type Outgoing = Extract<FromWebviewMessage, { type: 'requestSegments' | 'translate' | 'requestSegmentHelp' | 'didScroll' }>;

const STATES: readonly SegmentState[] = ['initial', 'draft', 'translated', 'reviewed'];
/** Typing pauses this long (ms) before a draft is saved: nothing typed waits long for the disk. */
const AUTOSAVE_MS = 1000;
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
  /** Texts not yet saved (typed, sent and refused, or sent and not yet confirmed), by segment. */
  private readonly unsaved = new Map<number, { text: string; state: SegmentState; sentence: string }>();
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
    this.progress.textContent = this.label('translation.progress', done, segments, doneCharacters, characters, percent);
    this.pageLabel.textContent = message.total === 0 ? this.label('translation.empty') : this.label('translation.page', message.start + 1, message.start + message.items.length, message.total);
    this.showOrphans(message.orphans, message.orphanCount);
    this.previous.disabled = message.start === 0;
    this.next.disabled = message.start + message.items.length >= message.total;
    document.body.dataset.segmentsStart = String(message.start);
    const focus = this.focusWhenShown;
    if (focus !== undefined && this.rows.has(focus)) {
      this.focusWhenShown = undefined;
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

  /** A save was refused (the user was told why): the text stays in its field, marked. */
  notSaved(index: number): void {
    const row = this.rows.get(index);
    if (row) {
      row.sent = undefined;
      row.element.classList.add('not-saved');
      const notice = row.element.querySelector('.segment-not-saved');
      if (notice) {
        notice.textContent = this.label('translation.notSaved');
      }
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
      field.setAttribute('aria-describedby', sentence.id);
      const meta = append(target, 'div', 'segment-meta');
      const status = append(meta, 'select', 'segment-state');
      status.setAttribute('aria-label', this.label('translation.state', item.index + 1));
      for (const state of STATES) {
        status.append(new Option(this.label(`state.${state}`), state));
      }
      append(meta, 'span', 'segment-changed').textContent = this.label('translation.sourceChanged');
      append(meta, 'span', 'segment-not-saved').setAttribute('role', 'alert');
      append(target, 'ul', 'segment-checks');
      const row: Row = { item, element, field, status, sent: { text: item.target, state: item.state } };
      this.rows.set(item.index, row);
      const waiting = this.unsaved.get(item.index);
      if (waiting && waiting.sentence !== item.sentence) {
        // Typed for a sentence no longer here: the extension refused it and said it with its text.
        this.unsaved.delete(item.index);
      }
      field.value = this.unsaved.get(item.index)?.text ?? item.target;
      this.updateRow(item);
    }
    this.current = undefined;
    if (hadFocus !== undefined && this.rows.has(hadFocus)) {
      this.focusRow(hadFocus);
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
    if (waiting && waiting.text === item.target && waiting.state === item.state) {
      // The extension has it now.
      this.unsaved.delete(item.index);
      row.element.classList.remove('not-saved');
    }
    const editing = document.activeElement === row.field && row.field.value !== item.target;
    if (!this.unsaved.has(item.index) && !editing) {
      row.field.value = item.target;
      row.sent = { text: item.target, state: item.state };
      row.element.classList.remove('not-saved');
    }
    row.status.value = this.unsaved.get(item.index)?.state ?? item.state;
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
    const chosen = state ?? (text === row.sent?.text ? (row.status.value as SegmentState) : text.trim().length === 0 ? 'initial' : 'draft');
    // A translated or reviewed segment needs a translation: the status waits for one.
    const next = (chosen === 'translated' || chosen === 'reviewed') && text.trim().length === 0 ? 'initial' : chosen;
    if (row.sent && text === row.sent.text && next === row.sent.state) {
      return;
    }
    row.sent = { text, state: next };
    row.status.value = next;
    this.unsaved.set(index, { text, state: next, sentence: row.item.sentence });
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
    if (event.key === 'Tab' && !event.ctrlKey && !event.altKey) {
      this.commit(index);
      this.focusRow(index + (event.shiftKey ? -1 : 1));
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      this.commit(index, row.field.value.trim().length > 0 ? 'translated' : undefined);
      this.focusRow(index + 1);
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
    if (row && event.target === row.field) {
      row.element.classList.remove('not-saved');
      // The status shows what the save will record: an edit makes a draft (emptied: not started).
      if (row.field.value !== row.sent?.text) {
        row.status.value = row.field.value.trim().length > 0 ? 'draft' : 'initial';
      }
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
