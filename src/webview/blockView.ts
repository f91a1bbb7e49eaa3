import { readingParts, ReadingSystem } from '../core/readings/readingSystem';
import type { NoteSpan, RenderedBlock, RubySpan, TermSpan, WordSpan } from '../protocol/readerMessages';
import { syllableElement } from './syllableView';

/**
 * Characters that reorder the text around them (Trojan-source style). They are shown as visible
 * badges instead of being obeyed, so an article cannot make one passage look like another.
 */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export interface BlockViewOptions {
  readonly markChanges: boolean;
  readonly pinyin: boolean;
  /** The system the ruby is in, so each syllable can be classed by its tone. */
  readonly readings: ReadingSystem;
  /** The tooltip of a note whose placement awaits review. */
  readonly reviewLabel: string;
  /** The tooltip of a run of combining marks cut for display; `{0}` is how many are hidden. */
  readonly shortenedLabel: string;
  /** The names of a marked word's statuses, by its code (0 new, 1–4 learning), said as its tooltip. */
  readonly wordStatusLabels: readonly string[];
}

/** Builds a block's row. All article text goes in as text nodes, never as HTML. */
export function createBlockElement(block: RenderedBlock, options: BlockViewOptions): HTMLElement {
  const row = document.createElement('div');
  row.className = `block block-${block.kind}`;
  row.tabIndex = 0;
  setLines(row, block);
  const parts = readingParts(options.readings);
  const original = cell('original', 'zh-Hant', block.original, parts, {
    changed: [],
    terms: block.terms?.original ?? [],
    ruby: options.pinyin ? block.ruby?.original ?? [] : [],
    notes: block.notes?.original ?? [],
    words: block.words?.original ?? [],
    reviewLabel: options.reviewLabel,
    shortenedLabel: options.shortenedLabel,
    wordStatusLabels: options.wordStatusLabels,
  });
  const converted = cell('converted', 'zh-Hans', block.converted, parts, {
    changed: options.markChanges ? block.changed : [],
    terms: block.terms?.converted ?? [],
    ruby: options.pinyin ? block.ruby?.converted ?? [] : [],
    notes: block.notes?.converted ?? [],
    words: block.words?.converted ?? [],
    reviewLabel: options.reviewLabel,
    shortenedLabel: options.shortenedLabel,
    wordStatusLabels: options.wordStatusLabels,
  });
  row.append(original, converted);
  return row;
}

export function setLines(row: HTMLElement, block: Pick<RenderedBlock, 'startLine' | 'endLine'>): void {
  row.dataset.startLine = String(block.startLine);
  row.dataset.endLine = String(block.endLine);
}

interface CellDecorations {
  readonly changed: readonly (readonly [number, number])[];
  readonly terms: readonly TermSpan[];
  readonly ruby: readonly RubySpan[];
  readonly notes: readonly NoteSpan[];
  readonly words: readonly WordSpan[];
  readonly reviewLabel: string;
  readonly shortenedLabel: string;
  readonly wordStatusLabels: readonly string[];
}

type ReadingPart = ReturnType<typeof readingParts>[number];

function cell(column: string, lang: string, text: string, parts: readonly ReadingPart[], decorations: CellDecorations): HTMLElement {
  const element = document.createElement('div');
  element.className = `cell ${column}`;
  element.dataset.column = column;
  element.lang = lang;
  // Cut the text wherever a decoration starts or ends; each piece then has one set of decorations.
  const cuts = new Set<number>([0, text.length]);
  for (const [start, end] of decorations.changed) {
    cuts.add(start).add(end);
  }
  for (const [start, end] of decorations.terms) {
    cuts.add(start).add(end);
  }
  for (const [start, end] of decorations.notes) {
    cuts.add(start).add(end);
  }
  for (const [start, end] of decorations.words) {
    cuts.add(start).add(end);
  }
  const sorted = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const ruby = new Map(decorations.ruby.map((span) => [span[0], span] as const));
  // Both lists are sorted and non-overlapping: one moving index each keeps this linear.
  let termIndex = 0;
  let changeIndex = 0;
  let wordIndex = 0;
  let termElement: HTMLElement | undefined;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    while (termIndex < decorations.terms.length && decorations.terms[termIndex]![1] <= start) {
      termIndex++;
    }
    const term = decorations.terms[termIndex];
    const inTerm = term !== undefined && term[0] <= start && end <= term[1];
    let parent: HTMLElement = element;
    if (inTerm) {
      if (!termElement || termElement.dataset.start !== String(term[0])) {
        termElement = document.createElement('span');
        termElement.className = 'term';
        termElement.tabIndex = 0;
        termElement.dataset.card = term[2];
        termElement.dataset.start = String(term[0]);
        element.append(termElement);
      }
      parent = termElement;
    } else {
      termElement = undefined;
    }
    while (changeIndex < decorations.changed.length && decorations.changed[changeIndex]![1] <= start) {
      changeIndex++;
    }
    const change = decorations.changed[changeIndex];
    if (change !== undefined && change[0] <= start && end <= change[1]) {
      const mark = document.createElement('mark');
      mark.className = 'changed';
      parent.append(mark);
      parent = mark;
    }
    const notes = decorations.notes.filter(([s, e]) => s <= start && end <= e);
    if (notes.length > 0) {
      const note = document.createElement('span');
      note.className = 'note';
      note.dataset.notes = notes.map(([, , id]) => id).join(' ');
      if (notes.some(([, , , review]) => review)) {
        // Placed by an approximate match of its quote: dashed, and said in words, not by colour alone.
        note.classList.add('review');
        note.title = decorations.reviewLabel;
      }
      parent.append(note);
      parent = note;
    }
    while (wordIndex < decorations.words.length && decorations.words[wordIndex]![1] <= start) {
      wordIndex++;
    }
    const word = decorations.words[wordIndex];
    if (word !== undefined && word[0] <= start && end <= word[1]) {
      // Innermost, a piece at a time (a word may cross a term's or a note's edge): the pieces of one
      // word share its start. New and learning words differ by their underline's style, not colour alone.
      const element = document.createElement('span');
      element.className = `word ${word[2] === 0 ? 'word-new' : `word-learning word-learning${word[2]}`}`;
      element.dataset.key = word[3];
      element.dataset.wordStart = String(word[0]);
      element.dataset.wordEnd = String(word[1]);
      element.dataset.status = word[2] === 0 ? 'new' : `learning${word[2]}`;
      // The status in words too (a tooltip, read by screen readers), not by the underline alone.
      element.title = decorations.wordStatusLabels[word[2]] ?? '';
      parent.append(element);
      parent = element;
    }
    appendText(parent, text, start, end, ruby, parts, decorations.shortenedLabel);
  }
  return element;
}

/** Text of [start, end), with bidi controls as badges and, where given, readings as ruby over Han characters. */
function appendText(parent: HTMLElement, text: string, start: number, end: number, ruby: ReadonlyMap<number, RubySpan>, parts: readonly ReadingPart[], shortenedLabel: string): void {
  let plain = start;
  const flush = (until: number) => {
    if (until > plain) {
      appendShortened(parent, text.slice(plain, until), shortenedLabel);
    }
  };
  const badge = (at: number) => {
    flush(at);
    const code = text.codePointAt(at)!;
    const element = document.createElement('span');
    element.className = 'control-char';
    element.textContent = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    parent.append(element);
    plain = at + (code > 0xffff ? 2 : 1);
  };
  if (ruby.size === 0) {
    // Without readings only the controls need a look: found by one search, not a step per character
    // (a block of a million combining marks took a tenth of a second that way).
    const controls = new RegExp(BIDI_CONTROL.source, 'gu');
    controls.lastIndex = start;
    for (let found = controls.exec(text); found && found.index < end; found = controls.exec(text)) {
      badge(found.index);
    }
    flush(end);
    return;
  }
  for (let i = start; i < end; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = String.fromCodePoint(code);
    const reading = ruby.get(i);
    if (BIDI_CONTROL.test(ch)) {
      badge(i);
    } else if (reading !== undefined) {
      flush(i);
      const element = document.createElement('ruby');
      element.append(document.createTextNode(ch));
      element.append(rubyText(reading, parts));
      parent.append(element);
      plain = i + width;
    }
    i += width;
  }
  flush(end);
}

/** Combining marks shown on one character; the rest of a longer run is hidden behind a marker. */
const MARKS_SHOWN = 8;
const LONG_MARK_RUN = new RegExp(`\\p{M}{${MARKS_SHOWN + 1},}`, 'gu');

/**
 * Appends `text`, with runs of more than MARKS_SHOWN combining marks (Zalgo text, a corrupted file)
 * cut for display: the first marks are shown, the rest sit in a hidden element behind a "⋯" marker
 * that says how many there are. Laying out a run of 100,000 marks on one character froze the window
 * for tens of seconds; hidden text is not laid out. The document is never changed, and offsets count
 * the hidden marks (textOffsetIn walks every text node), so selections and notes stay right.
 */
function appendShortened(parent: HTMLElement, text: string, label: string): void {
  let shown = 0;
  for (const run of text.matchAll(LONG_MARK_RUN)) {
    // Counted in code points: a mark outside the BMP is two code units, never split. Not by spreading
    // the run into an array: one of a million marks took the panel a quarter of a second.
    let keptLength = 0;
    for (let n = 0; n < MARKS_SHOWN; n++) {
      keptLength += run[0].codePointAt(keptLength)! > 0xffff ? 2 : 1;
    }
    const kept = run[0].slice(0, keptLength);
    parent.append(document.createTextNode(text.slice(shown, run.index + kept.length)));
    const hidden = document.createElement('span');
    hidden.className = 'shortened';
    const count = codePoints(run[0], keptLength);
    hidden.dataset.hidden = String(count);
    hidden.title = label.replace('{0}', String(count));
    const content = document.createElement('span');
    content.hidden = true;
    content.textContent = run[0].slice(kept.length);
    hidden.append(content);
    parent.append(hidden);
    shown = run.index + run[0].length;
  }
  if (shown < text.length) {
    parent.append(document.createTextNode(text.slice(shown)));
  }
}

/** Code points in `text` from `start` on (UTF-16 code units that are not low surrogates). */
function codePoints(text: string, start: number): number {
  let count = 0;
  for (let i = start; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    count += unit >= 0xdc00 && unit <= 0xdfff ? 0 : 1;
  }
  return count;
}

/**
 * The <rt> of one character: each reading a span classed by its tone (`tone-1` … `tone-6`, none when
 * the syllable has no tone), one line each when there are two (pinyin over Jyutping).
 */
function rubyText([, first, second]: RubySpan, parts: readonly ReadingPart[]): HTMLElement {
  const rt = document.createElement('rt');
  const readings = second === undefined ? [first] : [first, second];
  const wrapper = document.createElement('span');
  wrapper.className = readings.length > 1 ? 'readings two' : 'readings';
  readings.forEach((syllable, index) => {
    wrapper.append(syllableElement(syllable, parts[index] ?? parts[0] ?? 'pinyin'));
  });
  rt.append(wrapper);
  return rt;
}

/**
 * The offset in a cell's text of a DOM position inside it: what the panel shows besides the text
 * (pinyin over characters, badges for control characters) is not counted, or counts as the one
 * character it stands for.
 */
export function textOffsetIn(cellElement: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(cellElement, 0);
  before.setEnd(node, offset);
  let count = 0;
  const walker = document.createTreeWalker(cellElement, NodeFilter.SHOW_TEXT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (!before.intersectsNode(current)) {
      break;
    }
    const parent = current.parentElement;
    if (parent?.closest('rt')) {
      continue;
    }
    const visible = current === before.endContainer ? before.endOffset : current.textContent?.length ?? 0;
    count += parent?.closest('.control-char') ? (visible > 0 ? 1 : 0) : visible;
  }
  return count;
}

/**
 * The DOM range showing [start, end) of a cell's text, counted as `textOffsetIn` counts (readings
 * over characters not counted, a control-character badge as one). Undefined when out of range.
 */
export function rangeOfTextOffsets(cellElement: HTMLElement, start: number, end: number): Range | undefined {
  const range = document.createRange();
  let count = 0;
  let started = false;
  const walker = document.createTreeWalker(cellElement, NodeFilter.SHOW_TEXT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    const parent = current.parentElement;
    if (parent?.closest('rt')) {
      continue;
    }
    const length = parent?.closest('.control-char') ? 1 : current.textContent?.length ?? 0;
    if (!started && start < count + length) {
      range.setStart(current, Math.min(start - count, current.textContent?.length ?? 0));
      started = true;
    }
    if (started && end <= count + length) {
      range.setEnd(current, Math.min(end - count, current.textContent?.length ?? 0));
      return range;
    }
    count += length;
  }
  return undefined;
}
