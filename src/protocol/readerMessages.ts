/**
 * The one contract between the extension and the reader panel's webview: every message in each
 * direction, keyed on `type`, each carrying the URI of the document it is about. Both sides import
 * this module; neither trusts a message before `parse…Message` has checked its shape.
 */

import type { GlossaryCard } from '../core/glossary/glossaryCard';
import type { BlockKind, BlockOutline, ColumnPair, NoteSpan, RenderedBlock, RubySpan, TermSpan, WordSpan } from '../core/reader/renderedBlock';
import { isReadingSystem, ReadingSystem, ToneColorScheme } from '../core/readings/readingSystem';
import { SEGMENT_STATES, SegmentState } from '../core/translation/segmentState';
import { isWordStatus, WordStatus } from '../core/learning/wordStatusKind';
import type { TranslationProgress } from '../core/translation/translationProgress';

export type { GlossaryCard, ReadingSystem, ToneColorScheme };

/** `translation`: the translation column, the article's segments each beside its translation. */
export type ReaderLayout = 'sideBySide' | 'interlinear' | 'convertedOnly' | 'translation';
export const READER_LAYOUTS: readonly ReaderLayout[] = ['sideBySide', 'interlinear', 'convertedOnly', 'translation'];

export type { SegmentState, TranslationProgress, WordStatus };

/** A segment as the translation column shows it. */
export interface SegmentItem {
  /** Its index in article order (as listSegments gives it). */
  readonly index: number;
  /** The reader block it is in (segments of one block are shown together). */
  readonly block: number;
  /** The source sentence as the reader shows it. */
  readonly sentence: string;
  readonly target: string;
  readonly state: SegmentState;
  /** The translation was made for other source text: "source changed — review". */
  readonly sourceChanged: boolean;
  /** Its first line in the document (0-based), for the editor to follow. */
  readonly line: number;
  /** What the translation checks found (messages for the user), empty when nothing. */
  readonly checks: readonly string[];
}

/** A glossary term found in a segment, with its English renderings. */
export interface SegmentTerm {
  readonly term: string;
  readonly english: readonly string[];
}

/** A translation memory match offered for a segment. */
export interface SegmentMatch {
  /** 0–1; 1 is an exact match. */
  readonly similarity: number;
  readonly target: string;
  /** Where it came from: a translation file or TMX file, workspace-relative. */
  readonly origin: string;
  /** The unit's source against the segment's (folded to Simplified): -1 only in the unit, 1 only in the segment, 0 both. */
  readonly differences: readonly (readonly [number, string])[];
}

export type { BlockKind, BlockOutline, ColumnPair, NoteSpan, RenderedBlock, RubySpan, TermSpan, WordSpan };
export { decodeOutlines, encodeOutlines } from '../core/reader/renderedBlock';

export interface ReaderOptions {
  readonly layout: ReaderLayout;
  readonly markChanges: boolean;
  readonly showLineBreaks: boolean;
  /** Readings over every Han character (the setting's name, `reader.pinyin`, predates the other systems). */
  readonly pinyin: boolean;
  /** Which readings: pinyin, Jyutping, Zhuyin or pinyin with Jyutping. */
  readonly readings: ReadingSystem;
  /** How syllables are coloured by tone. */
  readonly toneColors: ToneColorScheme;
  /** OpenCC locales of the conversion shown, e.g. hk → cn. */
  readonly from: string;
  readonly to: string;
  /** The learner's marks: new and learning words marked, their card with status keys, the reading level. */
  readonly markNewWords: boolean;
  /** Readings only over the words the learner does not know (new and learning), with readings on. */
  readonly readingsUnknownOnly: boolean;
}

export interface DirectionChoice {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

export interface Labels {
  readonly [key: string]: string;
}

/** Extension → webview. */
export type ToWebviewMessage =
  | {
      /** Replaces everything from block `start` on with `blocks`; `done` is false while more chunks follow. */
      readonly type: 'render';
      readonly source: string;
      readonly version: number;
      /** Which rendering of the document this is: block indices and offsets belong to it (options change them). */
      readonly renderId: number;
      readonly options: ReaderOptions;
      readonly start: number;
      readonly blocks: readonly RenderedBlock[];
      readonly done: boolean;
      readonly total: number;
      /** Cards of the terms in these blocks that the webview has not been sent yet. */
      readonly cards: Readonly<Record<string, GlossaryCard>>;
      /**
       * A long document: the outlines (encodeOutlines) of the blocks from `start` on, which replace
       * them; `blocks` are the rendered ones among them from `start` on. The first screen may come
       * first (`done` false: the outlines of the blocks reflowed so far), the rest after. The webview
       * asks for the blocks not rendered as they come near its viewport ('requestBlocks').
       */
      readonly outlines?: readonly number[];
    }
  | {
      /** The answer to 'requestBlocks': blocks [start, start + blocks.length), rendered, of document `version`. */
      readonly type: 'blocks';
      readonly source: string;
      readonly version: number;
      readonly start: number;
      readonly blocks: readonly RenderedBlock[];
      readonly cards: Readonly<Record<string, GlossaryCard>>;
    }
  | {
      /**
       * The answer to 'find' `id`: matches as four numbers each (block index, column 0 original / 1
       * converted, start, end: UTF-16 offsets of the column's text), in document order; `truncated`
       * when there were more than were sent.
       */
      readonly type: 'findResult';
      readonly source: string;
      readonly id: number;
      readonly version: number;
      readonly matches: readonly number[];
      readonly truncated: boolean;
    }
  | {
      /**
       * Blocks [start, start + deleteCount) became `blocks` (or, in a long document, blocks known by
       * `outlines` alone, encodeOutlines); blocks after them move by `lineShift` lines.
       */
      readonly type: 'patch';
      readonly source: string;
      readonly version: number;
      readonly start: number;
      readonly deleteCount: number;
      readonly blocks: readonly RenderedBlock[];
      readonly lineShift: number;
      readonly cards: Readonly<Record<string, GlossaryCard>>;
      readonly outlines?: readonly number[];
    }
  | {
      /** The editor scrolled: show `line` (fractional: part way into the line) at the top. */
      readonly type: 'scrollToLine';
      readonly source: string;
      readonly line: number;
    }
  | {
      /**
       * The answer to lookup `id`: the dictionary word [start, end) of the column's text at the
       * offset asked about, and its cards (empty when no word starts there).
       */
      readonly type: 'lookupResult';
      readonly source: string;
      readonly id: number;
      readonly block: number;
      readonly column: 'original' | 'converted';
      readonly start: number;
      readonly end: number;
      readonly cards: readonly GlossaryCard[];
    }

  | {
      /**
       * A page of the translation column: segments [start, start + items.length) of `total`, and the
       * progress over all of them; `problem` says why there are none (no translation file can be
       * made or read).
       */
      readonly type: 'segments';
      readonly source: string;
      readonly start: number;
      readonly total: number;
      readonly items: readonly SegmentItem[];
      readonly progress: TranslationProgress;
      /** Translations whose sentence is gone (kept in the file), the first MAX_ORPHANS_SHOWN of them, and how many there are. */
      readonly orphans: readonly { readonly sentence: string; readonly target: string }[];
      readonly orphanCount: number;
      readonly problem?: string;
    }
  | {
      /** The answer to 'requestSegmentHelp': the segment's glossary terms and memory matches. */
      readonly type: 'segmentHelp';
      readonly source: string;
      readonly index: number;
      readonly terms: readonly SegmentTerm[];
      readonly matches: readonly SegmentMatch[];
    }
  | {
      /** The article's reading level for the learner, in a line for the toolbar. */
      readonly type: 'readingLevel';
      readonly source: string;
      readonly text: string;
      readonly summary: string;
    }
  | {
      /** Show segment `index` in the translation column, its field focused (the column is shown already). */
      readonly type: 'showSegment';
      readonly source: string;
      readonly index: number;
    }
  | {
      /** The translation `text` the panel sent for `sentence` was not saved (the user was told why, with it): the panel keeps it. */
      readonly type: 'segmentNotSaved';
      readonly source: string;
      readonly index: number;
      readonly sentence: string;
      readonly text: string;
    };

/** Webview → extension. */
export type FromWebviewMessage =
  | { readonly type: 'ready'; readonly source: string }
  | { readonly type: 'revealLine'; readonly source: string; readonly line: number }
  | { readonly type: 'didScroll'; readonly source: string; readonly line: number }
  | { readonly type: 'setOptions'; readonly source: string; readonly options: ToolbarOptions }
  | {
      /** Annotate [start, end) of a column of block `block` (its index). */
      readonly type: 'annotate';
      readonly source: string;
      /** The document version and rendering the panel showed: blocks and offsets are only meaningful for them. */
      readonly version: number;
      readonly renderId: number;
      readonly block: number;
      readonly column: 'original' | 'converted';
      readonly start: number;
      readonly end: number;
    }
  | {
      /** CC-CEDICT's longest word starting at `offset` (UTF-16) of a column of block `block`, as the editor hover finds it. */
      readonly type: 'lookup';
      readonly source: string;
      readonly id: number;
      readonly version: number;
      readonly block: number;
      readonly column: 'original' | 'converted';
      readonly offset: number;
    }
  | {
      /** Blocks [start, end) of document `version` are near the viewport and not rendered: render them. */
      readonly type: 'requestBlocks';
      readonly source: string;
      readonly version: number;
      readonly start: number;
      readonly end: number;
    }
  | {
      /** Find `query` (literal; Latin letters in any case) in `columns` of every block, rendered or not. */
      readonly type: 'find';
      readonly source: string;
      readonly id: number;
      readonly version: number;
      readonly query: string;
      readonly columns: readonly ('original' | 'converted')[];
    }
  | {
      /** The translation column's page starting at segment `start`, or the one holding document line `line`. */
      readonly type: 'requestSegments';
      readonly source: string;
      readonly start?: number;
      readonly line?: number;
    }
  | {
      /** Save `text` with `state` as the translation of segment `index`, made for `sentence`. */
      readonly type: 'translate';
      readonly source: string;
      readonly index: number;
      readonly sentence: string;
      readonly text: string;
      readonly state: SegmentState;
    }
  | {
      /** Set the learner's status of the word kept under `key` (`word`: as the panel shows it). */
      readonly type: 'setWordStatus';
      readonly source: string;
      readonly key: string;
      readonly word: string;
      readonly status: WordStatus;
    }
  | {
      /** Every word of the article still new becomes known (Mark Page as Known). */
      readonly type: 'markPageKnown';
      readonly source: string;
    }
  | {
      /** The glossary terms and memory matches of segment `index` (`sentence`). */
      readonly type: 'requestSegmentHelp';
      readonly source: string;
      readonly index: number;
      readonly sentence: string;
    };

/** What the webview keeps through hiding and window reloads (getState / setState). */
export interface ReaderState {
  readonly source: string;
  readonly options?: Partial<ReaderOptions>;
  readonly line?: number;
}

/** Initial data the extension passes in the page, as an escaped data attribute. */
export interface ReaderBootstrap {
  readonly source: string;
  readonly directions: readonly DirectionChoice[];
  readonly labels: Labels;
  /** Font settings; empty family and size 0 mean the editor's. */
  readonly font: { readonly family: string; readonly size: number };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isLine = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
/** A whole number from 0: an index of segments, or a line asked for by one. */
const isIndex = (value: unknown): value is number => isLine(value) && Number.isInteger(value);

/** What the panel's toolbar may change: every option but the tone colours, which only the setting sets. */
export type ToolbarOptions = Partial<Omit<ReaderOptions, 'toneColors'>>;

function isOptionsPatch(value: unknown): value is ToolbarOptions {
  if (!isObject(value)) {
    return false;
  }
  const { layout, markChanges, showLineBreaks, pinyin, readings, toneColors, from, to, markNewWords, readingsUnknownOnly } = value;
  return (
    (markNewWords === undefined || typeof markNewWords === 'boolean') &&
    (readingsUnknownOnly === undefined || typeof readingsUnknownOnly === 'boolean') &&
    (layout === undefined || (READER_LAYOUTS as readonly unknown[]).includes(layout)) &&
    (markChanges === undefined || typeof markChanges === 'boolean') &&
    (showLineBreaks === undefined || typeof showLineBreaks === 'boolean') &&
    (pinyin === undefined || typeof pinyin === 'boolean') &&
    (readings === undefined || isReadingSystem(readings)) &&
    toneColors === undefined &&
    (from === undefined || isString(from)) &&
    (to === undefined || isString(to))
  );
}

/** A message from the webview about `source`, or undefined when it is of unknown shape or about another document. */
export function parseFromWebviewMessage(value: unknown, source: string): FromWebviewMessage | undefined {
  if (!isObject(value) || value.source !== source) {
    return undefined;
  }
  switch (value.type) {
    case 'ready':
      return { type: 'ready', source };
    case 'revealLine':
    case 'didScroll':
      return isLine(value.line) ? { type: value.type, source, line: value.line } : undefined;
    case 'setOptions':
      return isOptionsPatch(value.options) ? { type: 'setOptions', source, options: value.options } : undefined;
    case 'annotate':
      return isLine(value.version) &&
        isLine(value.renderId) &&
        isLine(value.block) &&
        (value.column === 'original' || value.column === 'converted') &&
        isLine(value.start) &&
        isLine(value.end) &&
        value.end > value.start
        ? { type: 'annotate', source, version: value.version, renderId: value.renderId, block: value.block, column: value.column, start: value.start, end: value.end }
        : undefined;
    case 'lookup':
      return isLine(value.id) && isLine(value.version) && isLine(value.block) && (value.column === 'original' || value.column === 'converted') && isLine(value.offset)
        ? { type: 'lookup', source, id: value.id, version: value.version, block: value.block, column: value.column, offset: value.offset }
        : undefined;
    case 'requestBlocks':
      return isLine(value.version) && isLine(value.start) && isLine(value.end) && value.end > value.start
        ? { type: 'requestBlocks', source, version: value.version, start: value.start, end: value.end }
        : undefined;
    case 'find':
      return isLine(value.id) &&
        isLine(value.version) &&
        isString(value.query) &&
        value.query.length <= MAX_QUERY &&
        Array.isArray(value.columns) &&
        value.columns.length > 0 &&
        value.columns.every((c) => c === 'original' || c === 'converted')
        ? { type: 'find', source, id: value.id, version: value.version, query: value.query, columns: value.columns as ('original' | 'converted')[] }
        : undefined;
    case 'requestSegments':
      return (value.start === undefined || isIndex(value.start)) && (value.line === undefined || isIndex(value.line))
        ? { type: 'requestSegments', source, ...(value.start !== undefined ? { start: value.start as number } : {}), ...(value.line !== undefined ? { line: value.line as number } : {}) }
        : undefined;
    case 'translate':
      return isIndex(value.index) &&
        isString(value.sentence) &&
        value.sentence.length <= MAX_TRANSLATION &&
        isString(value.text) &&
        value.text.length <= MAX_TRANSLATION &&
        (SEGMENT_STATES as readonly unknown[]).includes(value.state)
        ? { type: 'translate', source, index: value.index, sentence: value.sentence, text: value.text, state: value.state as SegmentState }
        : undefined;
    case 'setWordStatus':
      return isString(value.key) && value.key.length > 0 && value.key.length <= 100 && isString(value.word) && value.word.length > 0 && value.word.length <= 100 && isWordStatus(value.status)
        ? { type: 'setWordStatus', source, key: value.key, word: value.word, status: value.status }
        : undefined;
    case 'markPageKnown':
      return { type: 'markPageKnown', source };
    case 'requestSegmentHelp':
      return isIndex(value.index) && isString(value.sentence) && value.sentence.length <= MAX_TRANSLATION
        ? { type: 'requestSegmentHelp', source, index: value.index, sentence: value.sentence }
        : undefined;
    default:
      return undefined;
  }
}

/** The longest translation of one segment the panel may send (UTF-16 code units): a sentence's, many times over. */
const MAX_TRANSLATION = 100_000;

/** The longest query 'find' accepts (UTF-16 code units): a search box, not a document. */
const MAX_QUERY = 1000;

const isNumbers = (value: unknown): value is number[] => Array.isArray(value) && value.every((n) => typeof n === 'number');

function isCard(value: unknown): value is GlossaryCard {
  return isObject(value) && isString(value.term) && Array.isArray(value.english) && value.english.every(isString) && Array.isArray(value.otherForms);
}

function isBlock(value: unknown): value is RenderedBlock {
  return (
    isObject(value) &&
    isString(value.original) &&
    isString(value.converted) &&
    isLine(value.startLine) &&
    isLine(value.endLine) &&
    Array.isArray(value.changed)
  );
}

/** A message from the extension about `source`, or undefined when it is of unknown shape or about another document. */
export function parseToWebviewMessage(value: unknown, source: string): ToWebviewMessage | undefined {
  if (!isObject(value) || value.source !== source) {
    return undefined;
  }
  switch (value.type) {
    case 'render':
      return isObject(value.options) && isLine(value.renderId) && Array.isArray(value.blocks) && value.blocks.every(isBlock) && (value.outlines === undefined || isNumbers(value.outlines))
        ? (value as unknown as ToWebviewMessage)
        : undefined;
    case 'patch':
      return Array.isArray(value.blocks) && value.blocks.every(isBlock) && typeof value.start === 'number' && (value.outlines === undefined || isNumbers(value.outlines))
        ? (value as unknown as ToWebviewMessage)
        : undefined;
    case 'blocks':
      return isLine(value.version) && isLine(value.start) && Array.isArray(value.blocks) && value.blocks.every(isBlock) && isObject(value.cards)
        ? (value as unknown as ToWebviewMessage)
        : undefined;
    case 'findResult':
      return isLine(value.id) && isLine(value.version) && isNumbers(value.matches) && value.matches.length % 4 === 0 && typeof value.truncated === 'boolean'
        ? { type: 'findResult', source, id: value.id, version: value.version, matches: value.matches, truncated: value.truncated }
        : undefined;
    case 'scrollToLine':
      return isLine(value.line) ? { type: 'scrollToLine', source, line: value.line } : undefined;
    case 'lookupResult':
      return isLine(value.id) &&
        isLine(value.block) &&
        (value.column === 'original' || value.column === 'converted') &&
        isLine(value.start) &&
        isLine(value.end) &&
        Array.isArray(value.cards) &&
        value.cards.every(isCard)
        ? { type: 'lookupResult', source, id: value.id, block: value.block, column: value.column, start: value.start, end: value.end, cards: value.cards }
        : undefined;
    case 'segments':
      return isLine(value.start) && isLine(value.total) && Array.isArray(value.items) && value.items.every(isSegmentItem) && isObject(value.progress) && Array.isArray(value.orphans) && isLine(value.orphanCount)
        ? (value as unknown as ToWebviewMessage)
        : undefined;
    case 'segmentHelp':
      return isLine(value.index) && Array.isArray(value.terms) && Array.isArray(value.matches) ? (value as unknown as ToWebviewMessage) : undefined;
    case 'segmentNotSaved':
      return isLine(value.index) && isString(value.sentence) && isString(value.text) ? { type: 'segmentNotSaved', source, index: value.index, sentence: value.sentence, text: value.text } : undefined;
    case 'showSegment':
      return isLine(value.index) ? { type: 'showSegment', source, index: value.index } : undefined;
    case 'readingLevel':
      return isString(value.text) && isString(value.summary) ? { type: 'readingLevel', source, text: value.text, summary: value.summary } : undefined;
    default:
      return undefined;
  }
}

function isSegmentItem(value: unknown): value is SegmentItem {
  return isObject(value) && isLine(value.index) && isString(value.sentence) && isString(value.target) && (SEGMENT_STATES as readonly unknown[]).includes(value.state) && Array.isArray(value.checks);
}
