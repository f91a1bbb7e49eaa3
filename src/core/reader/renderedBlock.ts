/**
 * A block of the reader as the panel shows it, with its decorations. Defined here, in the core, so
 * that the reader model needs nothing above it; the extension–webview protocol re-exports it.
 */

export type BlockKind = 'paragraph' | 'headline' | 'caption' | 'byline';

/** A glossary term in a column: [start, end) and the key of its card. */
export type TermSpan = readonly [start: number, end: number, card: string];
/** An annotated stretch of a column: [start, end), the note's id, and 1 when its placement awaits review (a fuzzy match). */
export type NoteSpan = readonly [start: number, end: number, id: string, review?: 1];
/**
 * The reading of the Han character at an offset of a column, in the panel's reading system; with
 * `pinyin+jyutping`, the pinyin first and the Jyutping second.
 */
export type RubySpan = readonly [offset: number, reading: string, second?: string];
/**
 * A word the learner does not know yet: [start, end), its status (0 new, 1–4 learning1–learning4),
 * and the key its status is kept under (wordKey).
 */
export type WordSpan = readonly [start: number, end: number, status: number, key: string];

/** Decorations of both columns of a block. */
export interface ColumnPair<T> {
  readonly original: readonly T[];
  readonly converted: readonly T[];
}

/** One block as the panel shows it. `changed` are [start, end) ranges of `converted` that differ. */
export interface RenderedBlock {
  readonly kind: BlockKind;
  /** Source line range, 0-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  readonly original: string;
  readonly converted: string;
  readonly changed: readonly (readonly [number, number])[];
  readonly terms?: ColumnPair<TermSpan>;
  readonly ruby?: ColumnPair<RubySpan>;
  readonly notes?: ColumnPair<NoteSpan>;
  /** The learner's new and learning words (known and ignored ones are not marked). */
  readonly words?: ColumnPair<WordSpan>;
}

/** Block kinds in the order their index stands for in an outline. */
export const BLOCK_KINDS: readonly BlockKind[] = ['paragraph', 'headline', 'caption', 'byline'];

/** What the panel knows of a block before it is rendered: enough to lay out a row and scroll to a line. */
export interface BlockOutline {
  readonly kind: BlockKind;
  /** Source line range, 0-based, inclusive. */
  readonly startLine: number;
  readonly endLine: number;
  /** Length of the block's text (UTF-16 code units), from which its row's height is estimated. */
  readonly length: number;
}

/** Numbers per block in an encoded outline: kind index, start line, end line, length. */
const OUTLINE_STRIDE = 4;

/**
 * Outlines flattened into one array of numbers (four per block: the kind's index in BLOCK_KINDS,
 * start line, end line, length), so that 100,000 blocks cross to the webview as one compact array
 * rather than 100,000 objects.
 */
export function encodeOutlines(outlines: Iterable<BlockOutline>): number[] {
  const encoded: number[] = [];
  for (const outline of outlines) {
    encoded.push(Math.max(0, BLOCK_KINDS.indexOf(outline.kind)), outline.startLine, outline.endLine, outline.length);
  }
  return encoded;
}

/**
 * The outlines of an array made by {@link encodeOutlines}. Throws RangeError when its length is not a
 * multiple of four or a number is not a non-negative integer (a kind outside BLOCK_KINDS included).
 */
export function decodeOutlines(encoded: readonly number[]): BlockOutline[] {
  if (encoded.length % OUTLINE_STRIDE !== 0 || !encoded.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new RangeError('Not an outline: four non-negative integers per block expected.');
  }
  const outlines: BlockOutline[] = [];
  for (let i = 0; i < encoded.length; i += OUTLINE_STRIDE) {
    const kind = BLOCK_KINDS[encoded[i]!];
    if (!kind) {
      throw new RangeError(`Not an outline: unknown block kind ${encoded[i]}.`);
    }
    outlines.push({ kind, startLine: encoded[i + 1]!, endLine: encoded[i + 2]!, length: encoded[i + 3]! });
  }
  return outlines;
}

/**
 * A document with more blocks or characters than these is a long one: the panel keeps only the rows
 * near its viewport in the DOM, and the extension renders blocks only as they come near it (a 20 MB
 * novel laid out whole took the webview to 6.4 GB). The reference article has about 60 blocks.
 */
export const LONG_DOCUMENT_BLOCKS = 400;
export const LONG_DOCUMENT_CHARACTERS = 300_000;

/** Whether a document of `blocks` blocks and `characters` UTF-16 code units is a long one (above). */
export function isLongDocument(blocks: number, characters: number): boolean {
  return blocks > LONG_DOCUMENT_BLOCKS || characters > LONG_DOCUMENT_CHARACTERS;
}
