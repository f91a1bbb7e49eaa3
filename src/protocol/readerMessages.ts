/**
 * The one contract between the extension and the reader panel's webview: every message in each
 * direction, keyed on `type`, each carrying the URI of the document it is about. Both sides import
 * this module; neither trusts a message before `parse…Message` has checked its shape.
 */

import type { GlossaryCard } from '../core/glossary/glossaryCard';
import type { BlockKind, BlockOutline, ColumnPair, NoteSpan, RenderedBlock, RubySpan, TermSpan } from '../core/reader/renderedBlock';
import { isReadingSystem, ReadingSystem, ToneColorScheme } from '../core/readings/readingSystem';

export type { GlossaryCard, ReadingSystem, ToneColorScheme };

export type ReaderLayout = 'sideBySide' | 'interlinear' | 'convertedOnly';
export const READER_LAYOUTS: readonly ReaderLayout[] = ['sideBySide', 'interlinear', 'convertedOnly'];

export type { BlockKind, BlockOutline, ColumnPair, NoteSpan, RenderedBlock, RubySpan, TermSpan };
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

/** What the panel's toolbar may change: every option but the tone colours, which only the setting sets. */
export type ToolbarOptions = Partial<Omit<ReaderOptions, 'toneColors'>>;

function isOptionsPatch(value: unknown): value is ToolbarOptions {
  if (!isObject(value)) {
    return false;
  }
  const { layout, markChanges, showLineBreaks, pinyin, readings, toneColors, from, to } = value;
  return (
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
    default:
      return undefined;
  }
}

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
    default:
      return undefined;
  }
}
