import { READING_SYSTEMS, ReadingSystem, TONE_COLOR_SCHEMES } from '../core/readings/readingSystem';
import { WORD_STATUSES } from '../core/learning/wordStatusKind';
import {
  decodeOutlines,
  parseToWebviewMessage,
  READER_LAYOUTS,
  ReaderBootstrap,
  ReaderLayout,
  ReaderOptions,
  ReaderState,
  ToolbarOptions,
  ToWebviewMessage,
} from '../protocol/readerMessages';
import { BlockList, ListedBlock } from './blockList';
import { FindInPanel } from './findInPanel';
import { BlockViewOptions, createBlockElement, textOffsetIn } from './blockView';
import { ScrollSync } from './scrollSync';
import { TermCard } from './termCard';
import { TranslationColumn } from './translationColumn';
import { WordStatusCard } from './wordStatusCard';
import { WordLookup } from './wordLookup';
import { vscodeApi } from './vscodeApi';

const vscode = vscodeApi();
const FIRST_BLOCK_MARK = 'bilingualReader.firstBlock';
const bootstrap = JSON.parse(document.getElementById('reader-data')!.dataset.bootstrap!) as ReaderBootstrap;
const source = bootstrap.source;
const label = (key: string) => bootstrap.labels[key] ?? key;
/** A label with its {0}, {1}… filled in. */
const format = (key: string, ...values: (string | number)[]) => label(key).replace(/\{(\d+)\}/g, (whole, n: string) => (values[Number(n)] === undefined ? whole : String(values[Number(n)])));
// Through the CSSOM, which the CSP allows, rather than an inline style attribute, which it forbids.
if (bootstrap.font.family) {
  document.documentElement.style.setProperty('--reader-font-family', bootstrap.font.family);
}
if (bootstrap.font.size > 0) {
  document.documentElement.style.setProperty('--reader-font-size', `${bootstrap.font.size}px`);
}

const blocksElement = document.getElementById('blocks')!;
const progressElement = document.getElementById('progress')!;
const scroller = document.scrollingElement as HTMLElement;
const toolbarHeight = () => document.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0;
const currentVersion = () => Number(document.body.dataset.version ?? -1);
const list = new BlockList(
  blocksElement,
  scroller,
  (block) => createBlockElement(block, viewOptions()),
  (index) => find.rowCreated(index),
  (start, end) => vscode.postMessage({ type: 'requestBlocks', source, version: currentVersion(), start, end }),
);
const sync = new ScrollSync(scroller, list, () => list.top);
const find = new FindInPanel(
  document.getElementById('find')!,
  document.getElementById('find-input') as HTMLInputElement,
  document.getElementById('find-status')!,
  list,
  () => (options?.layout === 'convertedOnly' ? ['converted'] : ['original', 'converted']),
  (current, total) => (total === 0 ? label('find.none') : label('find.count').replace('{0}', String(current)).replace('{1}', String(total))),
  toolbarHeight,
  (id, query, columns) => vscode.postMessage({ type: 'find', source, id, version: currentVersion(), query, columns }),
  label('find.searching'),
);

const translation = new TranslationColumn(document.getElementById('translation')!, source, (message) => vscode.postMessage(message), format);
/** The layout to go back to when the translation column is toggled off. */
let layoutBeforeTranslation: ReaderLayout = 'sideBySide';
/** Where the article was read when the column opened: the blocks come back there. */
let lineBeforeTranslation: number | undefined;
const translating = () => options?.layout === 'translation';

let options: ReaderOptions | undefined;
let restoreLine = vscode.getState()?.line;

function saveState(line?: number): void {
  const state: ReaderState = { source, options, line: line ?? vscode.getState()?.line };
  vscode.setState(state);
}

// Toolbar: built from the bootstrap's localised labels; every control is a native, keyboard-usable element.
const layoutSelect = document.getElementById('layout') as HTMLSelectElement;
for (const layout of READER_LAYOUTS) {
  layoutSelect.append(new Option(label(`layout.${layout}`), layout));
}
const directionSelect = document.getElementById('direction') as HTMLSelectElement;
for (const choice of bootstrap.directions) {
  directionSelect.append(new Option(choice.label, `${choice.from}>${choice.to}`));
}
const markChanges = document.getElementById('markChanges') as HTMLInputElement;
const showLineBreaks = document.getElementById('showLineBreaks') as HTMLInputElement;
const pinyin = document.getElementById('pinyin') as HTMLInputElement;
const readingsSelect = document.getElementById('readings') as HTMLSelectElement;
for (const system of READING_SYSTEMS) {
  readingsSelect.append(new Option(label(`readings.${system}`), system));
}
const markNewWords = document.getElementById('markNewWords') as HTMLInputElement;
const readingsUnknownOnly = document.getElementById('readingsUnknownOnly') as HTMLInputElement;
const markPageKnown = document.getElementById('markPageKnown') as HTMLButtonElement;
const levelElement = document.getElementById('level')!;
const termCard = new TermCard(document.getElementById('card')!, blocksElement, label('card.source'), label('card.more'));
const wordLookup = new WordLookup(blocksElement, list, termCard, (message) => vscode.postMessage(message), source, currentVersion);
/** The BCP 47 tag of the original column's language, for a voice reading it aloud. */
const speechLanguage = () => ({ hk: 'zh-HK', tw: 'zh-TW', twp: 'zh-TW', t: 'zh-TW', cn: 'zh-CN' })[options?.from ?? 'cn'] ?? 'zh-CN';
const wordCard = new WordStatusCard(document.getElementById('word-card')!, blocksElement, list, (message) => vscode.postMessage(message), source, format, speechLanguage);
for (const element of document.querySelectorAll<HTMLElement>('[data-label]')) {
  element.textContent = label(element.dataset.label!);
}

function requestOptions(patch: ToolbarOptions): void {
  vscode.postMessage({ type: 'setOptions', source, options: patch });
}
layoutSelect.addEventListener('change', () => requestOptions({ layout: layoutSelect.value as ReaderLayout }));
const translateButton = document.getElementById('translate') as HTMLButtonElement;
translateButton.addEventListener('click', () => requestOptions({ layout: options?.layout === 'translation' ? layoutBeforeTranslation : 'translation' }));
directionSelect.addEventListener('change', () => {
  const [from, to] = directionSelect.value.split('>');
  requestOptions({ from, to });
});
markChanges.addEventListener('change', () => requestOptions({ markChanges: markChanges.checked }));
showLineBreaks.addEventListener('change', () => requestOptions({ showLineBreaks: showLineBreaks.checked }));
pinyin.addEventListener('change', () => requestOptions({ pinyin: pinyin.checked }));
readingsSelect.addEventListener('change', () => requestOptions({ readings: readingsSelect.value as ReadingSystem }));
markNewWords.addEventListener('change', () => requestOptions({ markNewWords: markNewWords.checked }));
readingsUnknownOnly.addEventListener('change', () => requestOptions({ readingsUnknownOnly: readingsUnknownOnly.checked }));
markPageKnown.addEventListener('click', () => vscode.postMessage({ type: 'markPageKnown', source }));

function applyOptions(next: ReaderOptions): void {
  const before = options?.layout;
  const line = before !== 'translation' ? sync.lineAtTop() : undefined;
  options = next;
  document.body.dataset.layout = next.layout;
  translateButton.setAttribute('aria-pressed', String(next.layout === 'translation'));
  if (next.layout === 'translation' && before !== 'translation') {
    layoutBeforeTranslation = before ?? 'sideBySide';
    lineBeforeTranslation = line ?? restoreLine;
    // The column opens on the segments at the place the article was read at.
    translation.show(lineBeforeTranslation);
    scroller.scrollTop = 0;
  } else if (next.layout !== 'translation' && before === 'translation') {
    translation.hide();
    if (lineBeforeTranslation !== undefined) {
      sync.scrollToLine(lineBeforeTranslation);
    }
    if (list.virtual) {
      list.update();
    }
  }
  document.body.classList.toggle('show-line-breaks', next.showLineBreaks);
  layoutSelect.value = next.layout;
  directionSelect.value = `${next.from}>${next.to}`;
  markChanges.checked = next.markChanges;
  showLineBreaks.checked = next.showLineBreaks;
  pinyin.checked = next.pinyin;
  readingsSelect.value = next.readings;
  markNewWords.checked = next.markNewWords;
  readingsUnknownOnly.checked = next.readingsUnknownOnly;
  // "Only on new words" is about readings: it matters with readings shown.
  readingsUnknownOnly.disabled = !next.pinyin;
  markPageKnown.hidden = !next.markNewWords;
  levelElement.hidden = !next.markNewWords;
  // The system matters only with readings shown.
  readingsSelect.disabled = !next.pinyin;
  document.body.classList.toggle('show-pinyin', next.pinyin);
  document.body.classList.toggle('two-readings', next.readings === 'pinyin+jyutping');
  for (const scheme of TONE_COLOR_SCHEMES) {
    document.body.classList.toggle(`tones-${scheme}`, next.toneColors === scheme);
  }
  saveState();
}

function viewOptions(): BlockViewOptions {
  return {
    markChanges: options?.markChanges ?? true,
    pinyin: options?.pinyin ?? false,
    readings: options?.readings ?? 'pinyin',
    reviewLabel: label('note.review'),
    shortenedLabel: label('text.shortened'),
    // By a marked word's status code: 0 new, 1–4 learning (WORD_STATUSES' order).
    wordStatusLabels: WORD_STATUSES.slice(0, 5).map((status) => label(`word.${status}`)),
  };
}

function render(message: Extract<ToWebviewMessage, { type: 'render' }>): void {
  applyOptions(message.options);
  // The text a lookup was about may be gone: its answer, if late, no longer applies.
  wordLookup.reset();
  termCard.add(message.cards);
  const keepLine = message.start === 0 && list.length > 0 ? sync.currentLine() : undefined;
  // Set first: the list asks for blocks of this version as soon as it has outlines.
  document.body.dataset.version = String(message.version);
  document.body.dataset.renderId = String(message.renderId);
  if (message.outlines) {
    // A long document: the outlines of the blocks from `start` on, the rendered ones among them in place.
    const blocks: ListedBlock[] = decodeOutlines(message.outlines);
    message.blocks.slice(0, blocks.length).forEach((block, i) => (blocks[i] = block));
    list.replaceFrom(message.start, blocks);
  } else {
    list.replaceFrom(message.start, message.blocks);
  }
  find.refresh(message.start, 0, 0);
  if (list.length > 0 && performance.getEntriesByName(FIRST_BLOCK_MARK).length === 0) {
    // User Timing, for profiling and `npm run bench`: when the page first held a block.
    performance.mark(FIRST_BLOCK_MARK);
  }
  progressElement.hidden = message.done || message.outlines !== undefined;
  progressElement.textContent = message.done ? '' : `${list.length} / ${message.total}`;
  if (keepLine !== undefined && !translating()) {
    sync.scrollToLine(keepLine);
  }
  if (message.done) {
    wordCard.rendered();
    document.body.dataset.ready = 'true';
    if (restoreLine !== undefined && !translating()) {
      sync.scrollToLine(restoreLine);
      restoreLine = undefined;
    }
  }
}

function patch(message: Extract<ToWebviewMessage, { type: 'patch' }>): void {
  wordLookup.reset();
  termCard.add(message.cards);
  document.body.dataset.version = String(message.version);
  const blocks = message.outlines ? decodeOutlines(message.outlines) : message.blocks;
  list.splice(message.start, message.deleteCount, blocks, message.lineShift);
  find.refresh(message.start, message.deleteCount, blocks.length);
}

/** Blocks the list asked for; an answer about an older version of the document is dropped (the list asks again). */
function fill(message: Extract<ToWebviewMessage, { type: 'blocks' }>): void {
  if (message.version !== currentVersion()) {
    return;
  }
  termCard.add(message.cards);
  list.fill(message.start, message.blocks);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToWebviewMessage(event.data, source);
  if (!message) {
    return;
  }
  switch (message.type) {
    case 'render':
      render(message);
      break;
    case 'patch':
      patch(message);
      break;
    case 'scrollToLine':
      // The translation column follows its own focus, not the editor's scrolling.
      if (!translating()) {
        sync.scrollToLine(message.line);
      }
      break;
    case 'lookupResult':
      wordLookup.receive(message);
      break;
    case 'blocks':
      fill(message);
      break;
    case 'segments':
      translation.receive(message);
      break;
    case 'segmentHelp':
      translation.receiveHelp(message);
      break;
    case 'segmentNotSaved':
      translation.notSaved(message.index, message.sentence, message.text);
      break;
    case 'showSegment':
      translation.reveal(message.index);
      break;
    case 'readingLevel':
      levelElement.textContent = message.text;
      levelElement.title = message.summary;
      break;
    case 'findResult':
      if (message.version === currentVersion()) {
        find.receive(message.id, message.matches, message.truncated);
      }
      break;
  }
});

let scrollFrame = 0;
window.addEventListener('scroll', () => {
  cancelAnimationFrame(scrollFrame);
  scrollFrame = requestAnimationFrame(() => {
    // The translation column scrolls on its own; the hidden blocks keep their place.
    if (translating()) {
      return;
    }
    if (list.virtual) {
      list.update();
    }
    const line = sync.lineAtTop();
    if (line !== undefined) {
      vscode.postMessage({ type: 'didScroll', source, line });
      saveState(line);
    }
  });
});

function rowOf(target: EventTarget | null): HTMLElement | undefined {
  return target instanceof Element ? ((target.closest('.block') as HTMLElement | null) ?? undefined) : undefined;
}

/** The block a keyboard event is about: its row, or the one that had the focus when it left the DOM. */
function keyboardIndex(target: EventTarget | null): number | undefined {
  const row = rowOf(target);
  return row ? list.indexOf(row) : target === blocksElement ? list.takeFocusedIndex() : undefined;
}

blocksElement.addEventListener('dblclick', (event) => {
  const row = rowOf(event.target);
  if (row) {
    vscode.postMessage({ type: 'revealLine', source, line: Number(row.dataset.startLine) });
  }
});

// Keyboard: Enter reveals the focused block in the editor; arrows move between blocks.
blocksElement.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
    return;
  }
  const current = keyboardIndex(event.target);
  if (current === undefined) {
    return;
  }
  if (event.key === 'Enter') {
    vscode.postMessage({ type: 'revealLine', source, line: list.block(current)?.startLine ?? 0 });
    return;
  }
  const index = current + (event.key === 'ArrowDown' ? 1 : -1);
  if (index >= 0 && index < list.length) {
    if (!list.rowAt(index)) {
      list.scrollToIndex(index, 0, toolbarHeight() + 8);
    }
    list.rowAt(index)?.focus();
  }
  event.preventDefault();
});

// Annotate the selection in either column: its offsets in the column's text go to the extension, which
// maps them to the source (through the offset map for the converted column) and asks for the note.
document.getElementById('annotate')!.addEventListener('click', () => {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return;
  }
  const range = selection.getRangeAt(0);
  const startCell = (range.startContainer.parentElement ?? (range.startContainer as Element)).closest('.cell') as HTMLElement | null;
  const endCell = (range.endContainer.parentElement ?? (range.endContainer as Element)).closest('.cell') as HTMLElement | null;
  const row = startCell?.closest('.block') as HTMLElement | null;
  if (!startCell || startCell !== endCell || !row) {
    return;
  }
  const index = list.indexOf(row);
  const start = textOffsetIn(startCell, range.startContainer, range.startOffset);
  const end = textOffsetIn(startCell, range.endContainer, range.endOffset);
  if (end > start && index >= 0) {
    const version = Number(document.body.dataset.version ?? -1);
    const renderId = Number(document.body.dataset.renderId ?? -1);
    vscode.postMessage({ type: 'annotate', source, version, renderId, block: index, column: startCell.dataset.column === 'converted' ? 'converted' : 'original', start, end });
  }
});

// A hidden panel may be discarded: what is typed goes first.
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && translation.flush());
window.addEventListener('pagehide', () => translation.flush());

vscode.postMessage({ type: 'ready', source });
