import type { Direction } from '../conversion/locales';
import type { TermHit, TermMatcher } from '../glossary/termMatcher';
import { OffsetMap } from '../reader/offsetMap';
import { characterAt, HAN } from '../text/characters';
import type { KnownWord, ReadingService, ReadingTrack, WordDictionary } from './readingService';
import type { CharacterReading, ReadingSystem } from './readingSystem';

/** A text and its conversion, as the reader shows them side by side. */
export interface ColumnPairText {
  readonly original: string;
  readonly converted: string;
  readonly direction: Direction;
}

/** What the readings of a column pair are read with. */
export interface ColumnReadingOptions {
  readonly system: ReadingSystem;
  /** Glossary terms: their pinyin decides the reading of the words they match. */
  readonly matcher?: TermMatcher;
  /** CC-CEDICT, for every other known word. */
  readonly dictionary?: WordDictionary;
}

/**
 * Readings of both columns of a block. The text the author wrote (the original column) is read,
 * so a many-to-one conversion (幹/乾 → 干, 髮/發 → 发) loses nothing, and the readings are then
 * carried onto the converted column through the offset map between the two (`map`, when the
 * caller has it already; else computed). Offsets are UTF-16 offsets of each column's text.
 */
export function readColumns(service: ReadingService, text: ColumnPairText, options: ColumnReadingOptions, map?: OffsetMap): { original: ReadingTrack; converted: ReadingTrack } {
  const { original, converted, direction } = text;
  const simplified = direction.to === 'cn' ? converted : direction.from === 'cn' ? original : undefined;
  const traditional = direction.from !== 'cn' ? original : direction.to !== 'cn' ? converted : undefined;
  const glossaryWords = options.matcher && glossaryWordsIn(options.matcher, original);
  const track = service.read(original, options.system, { simplified, traditional, glossaryWords, dictionary: options.dictionary });
  const carried = carryReadings(track, original, converted, map);
  // Words the conversion rewrote (記憶體 → 内存) are read in the converted text itself.
  if (original.length !== converted.length) {
    const own = service.read(converted, options.system, { dictionary: options.dictionary });
    for (const [offset, reading] of own) {
      if (!carried.has(offset)) {
        carried.set(offset, reading);
      }
    }
  }
  return { original: track, converted: carried };
}

/**
 * Glossary terms for reading: the matcher's leftmost-longest hits, plus every term that starts inside
 * one of them and reaches past it (in 對華為, 華為 "Huawei" as well as 對華 "towards China"), so a
 * term is never read as loose characters because a neighbour took its first character.
 */
export function glossaryWordsIn(matcher: TermMatcher, text: string): KnownWord[] {
  const words: KnownWord[] = [];
  const setAside: TermHit[] = [];
  for (const hit of matcher.findAll(text, 0, text.length, setAside)) {
    words.push({ start: hit.start, end: hit.end, pinyin: hit.entry.pinyin });
    for (const inner of matcher.overlapsAfter(text, hit)) {
      words.push({ start: inner.start, end: inner.end, pinyin: inner.entry.pinyin });
    }
  }
  // A term an overlap displaced (對華 when 華為 won) is read as a word too.
  for (const hit of setAside) {
    words.push({ start: hit.start, end: hit.end, pinyin: hit.entry.pinyin });
  }
  return words;
}

/**
 * Readings keyed by offsets of `from`, moved to the same characters of `to` (its conversion).
 * Inside a stretch whose conversion changed its length (tw2sp 記憶體 → 内存) no character
 * corresponds to another, so nothing is carried there.
 */
export function carryReadings(track: ReadingTrack, from: string, to: string, known?: OffsetMap): Map<number, CharacterReading> {
  if (from === to) {
    return new Map(track);
  }
  const map = from.length === to.length ? undefined : (known ?? OffsetMap.between(from, to));
  const reshaped = map?.spans.filter((s) => s.o1 - s.o0 !== s.c1 - s.c0) ?? [];
  const carried = new Map<number, CharacterReading>();
  // Readings come in text order and the spans are sorted: one moving index keeps this linear.
  let span = 0;
  for (const [offset, reading] of track) {
    while (span < reshaped.length && reshaped[span]!.o1 <= offset) {
      span++;
    }
    if (span < reshaped.length && reshaped[span]!.o0 <= offset) {
      continue;
    }
    const at = map ? map.toConverted(offset) : offset;
    if (HAN.test(characterAt(to, at))) {
      carried.set(at, reading);
    }
  }
  return carried;
}

/**
 * The reading of one glossary term as the ruby reads a term in the text: its glossary pinyin
 * decides (華為 Huáwéi), then CC-CEDICT and the context rules. One array per Han character (two
 * parts with `pinyin+jyutping`). For hover cards, which show a term out of its sentence.
 */
export function termReading(
  service: ReadingService,
  term: string,
  pinyin: string | undefined,
  system: ReadingSystem,
  dictionary?: WordDictionary,
): CharacterReading[] {
  return [...service.read(term, system, { glossaryWords: [{ start: 0, end: term.length, pinyin }], dictionary }).values()];
}

