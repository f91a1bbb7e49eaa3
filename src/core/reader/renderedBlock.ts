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
}
