import type { Direction } from '../core/conversion/locales';
import { cardForEntry, GlossaryCard } from '../core/glossary/glossaryCard';
import type { CharacterReading } from '../core/readings/readingSystem';
import type { TermMatcher } from '../core/glossary/termMatcher';
import type { OffsetMap } from '../core/reader/offsetMap';
import { readColumns } from '../core/readings/columnReadings';
import type { ReadingService, ReadingTrack, WordDictionary } from '../core/readings/readingService';
import type { ReadingSystem } from '../core/readings/readingSystem';
import type { TextRange } from '../core/annotations/annotation';
import { sourceRangeToBlockText } from '../core/annotations/sourceMapping';
import type { BlockDecorator } from '../core/reader/readerModel';
import type { ReflowBlock } from '../core/reader/reflow';
import type { NoteSpan, RubySpan, TermSpan, WordSpan } from '../protocol/readerMessages';
import type { ArticleWord } from '../core/learning/articleWords';
import type { WordStatus } from '../core/learning/wordStatusKind';

/** Annotated source ranges with their note ids. */
export type NoteRanges = readonly { readonly id: string; readonly range: TextRange; readonly review: boolean }[];

/** What the ruby is read with: the service, the system, and CC-CEDICT for the known-word layer. */
export interface RubyReading {
  readonly service: ReadingService;
  readonly system: ReadingSystem;
  readonly dictionary?: WordDictionary;
}

/** The learner's words of a text and their statuses, and what the panel shows of them. */
export interface LearnerMarks {
  readonly words: (text: string) => readonly ArticleWord[];
  readonly statusOf: (key: string) => WordStatus;
  /** Mark the new and learning words. */
  readonly marks: boolean;
  /** Readings only over new and learning words. */
  readonly rubyUnknownOnly: boolean;
}

/** 0 for new, 1–4 for learning1–learning4: a word span's status (known and ignored words have none). */
const STATUS_CODES: Partial<Record<WordStatus, number>> = { new: 0, learning1: 1, learning2: 2, learning3: 3, learning4: 4 };

/**
 * Terms marked per column of one block. Real paragraphs hold far fewer; a one-line multi-megabyte
 * document could hold hundreds of thousands, whose spans would make the panel crawl.
 */
const MAX_TERMS_PER_BLOCK = 2000;

/**
 * Marks glossary terms in both columns of the reader and, when asked, the reading of every Han
 * character. Cards of the terms it finds are collected for the webview, each sent once.
 */
export class ReaderBlockDecorator {
  private readonly cards = new Map<string, GlossaryCard>();
  /** Short card keys by entry and matched form, so messages stay small. */
  private readonly keys = new Map<string, string>();
  private readonly sent = new Set<string>();

  constructor(
    private readonly matcher: TermMatcher | undefined,
    private readonly readings: RubyReading | undefined,
    private readonly direction: Direction,
    private readonly notes: () => NoteRanges = () => [],
    private readonly showLineBreaks = false,
    private readonly learner?: LearnerMarks,
  ) {}

  readonly decorate: BlockDecorator = (original, converted, block, map) => {
    // The original column is read (nothing lost to a many-to-one conversion) and its readings carried to the converted one.
    const tracks =
      this.readings &&
      readColumns(this.readings.service, { original, converted, direction: this.direction }, { system: this.readings.system, matcher: this.matcher, dictionary: this.readings.dictionary }, map);
    const words = this.learner && this.wordSpans(original, converted, map);
    const ruby = tracks && { original: rubySpans(tracks.original), converted: rubySpans(tracks.converted) };
    return {
      ...(this.matcher ? { terms: { original: this.terms(original, tracks?.original), converted: this.terms(converted, tracks?.converted) } } : {}),
      ...(ruby ? { ruby: words && this.learner?.rubyUnknownOnly ? { original: within(ruby.original, words.original), converted: within(ruby.converted, words.converted) } : ruby } : {}),
      ...(words && this.learner?.marks ? { words } : {}),
      ...this.noteSpans(original, converted, block, map),
    };
  };

  /**
   * The learner's new and learning words in both columns: found in the original column (words of the
   * converted one are the same words, carried over by the offset map), with their status and key.
   */
  private wordSpans(original: string, converted: string, map: OffsetMap): { original: WordSpan[]; converted: WordSpan[] } {
    const spans: WordSpan[] = [];
    for (const word of this.learner!.words(original)) {
      const code = STATUS_CODES[this.learner!.statusOf(word.key)];
      if (code !== undefined && spans.length < MAX_TERMS_PER_BLOCK) {
        spans.push([word.start, word.end, code, word.key]);
      }
    }
    const toConverted = (offset: number) => (original === converted ? offset : map.toConverted(offset));
    return { original: spans, converted: spans.map(([s, e, code, key]) => [toConverted(s), toConverted(e), code, key] as const).filter(([s, e]) => e > s) };
  }

  /** Notes on the block's source text, as stretches of both columns. */
  private noteSpans(original: string, converted: string, block: ReflowBlock, offsets: OffsetMap): { notes?: { original: NoteSpan[]; converted: NoteSpan[] } } {
    const spans: NoteSpan[] = [];
    // With original line breaks, a paragraph around a caption shows its lines without the caption's,
    // so source offsets past the caption do not map by subtraction: no highlights there (README).
    if (this.showLineBreaks && block.lines.length !== block.endLine - block.startLine + 1) {
      return {};
    }
    for (const { id, range, review } of this.notes()) {
      if (range.end <= block.startOffset || range.start >= block.endOffset) {
        continue;
      }
      const inText = this.showLineBreaks
        ? { start: Math.max(0, range.start - block.startOffset), end: Math.min(original.length, range.end - block.startOffset) }
        : sourceRangeToBlockText(block, range);
      if (inText && inText.end > inText.start) {
        spans.push(review ? [inText.start, inText.end, id, 1] : [inText.start, inText.end, id]);
      }
    }
    if (spans.length === 0) {
      return {};
    }
    const toConverted = (offset: number) => (original === converted ? offset : offsets.toConverted(offset));
    return { notes: { original: spans, converted: spans.map(([s, e, id, review]) => (review ? ([toConverted(s), toConverted(e), id, review] as const) : ([toConverted(s), toConverted(e), id] as const))) } };
  }

  /** Cards found since the last call. */
  takeNewCards(): Record<string, GlossaryCard> {
    const fresh: Record<string, GlossaryCard> = {};
    for (const [key, card] of this.cards) {
      if (!this.sent.has(key)) {
        fresh[key] = card;
        this.sent.add(key);
      }
    }
    return fresh;
  }

  /** The column's terms; a card made here takes its reading from the ruby over the term (`track`), so the two agree. */
  private terms(text: string, track: ReadingTrack | undefined): TermSpan[] {
    return this.matcher!.findAll(text).slice(0, MAX_TERMS_PER_BLOCK).map((hit) => {
      const matched = text.slice(hit.start, hit.end);
      const identity = `${hit.entry.origin}\u0000${hit.entry.term}\u0000${matched}`;
      let key = this.keys.get(identity);
      if (!key) {
        key = String(this.keys.size);
        this.keys.set(identity, key);
        const card = cardForEntry(hit.entry, matched);
        this.cards.set(key, this.readings && track ? { ...card, reading: { system: this.readings.system, syllables: readingsBetween(track, hit.start, hit.end) } } : card);
      }
      return [hit.start, hit.end, key] as const;
    });
  }
}

function readingsBetween(track: ReadingTrack, start: number, end: number): CharacterReading[] {
  const syllables: CharacterReading[] = [];
  for (let i = start; i < end; i++) {
    const reading = track.get(i);
    if (reading) {
      syllables.push(reading);
    }
  }
  return syllables;
}

/** The ruby spans over characters inside `words` (both sorted by offset). */
function within(ruby: readonly RubySpan[], words: readonly WordSpan[]): RubySpan[] {
  const kept: RubySpan[] = [];
  let w = 0;
  for (const span of ruby) {
    while (w < words.length && words[w]![1] <= span[0]) {
      w++;
    }
    if (w < words.length && words[w]![0] <= span[0]) {
      kept.push(span);
    }
  }
  return kept;
}

function rubySpans(track: ReadingTrack): RubySpan[] {
  const spans: RubySpan[] = [];
  for (const [offset, [first = '', second]] of track) {
    // A character with no second reading (no Jyutping) shows the first alone.
    spans.push(second ? [offset, first, second] : [offset, first]);
  }
  return spans;
}
