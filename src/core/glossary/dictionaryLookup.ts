import type { ReadingService } from '../readings/readingService';
import { joinReadings } from '../readings/readingService';
import type { CharacterReading, ReadingSystem } from '../readings/readingSystem';
import type { CedictDictionary } from './cedictDictionary';
import { cardsForDictionary, DocumentScript, GlossaryCard } from './glossaryCard';

/** Characters of the text on each side of a looked-up word that its reading is read with. */
const CONTEXT = 64;

/** A dictionary word found in a text, with its cards and its reading there. */
export interface DictionaryLookup {
  /** [start, end) of the word in the text, UTF-16 offsets. */
  readonly start: number;
  readonly end: number;
  /** Its CC-CEDICT entries as cards, ranked for the script, the entry read in context first. */
  readonly cards: readonly GlossaryCard[];
  /** Its reading in context in `system`, one entry per Han character. */
  readonly reading: readonly CharacterReading[];
}

/**
 * The longest CC-CEDICT word starting at `offset` of `text` (as the Zhongwen hover dictionary finds
 * it), for the editor hover and the reader panel alike: the word is read in its clause (at most
 * 64 characters each side, so a long line stays cheap) as the reader's ruby reads it, and the entry
 * with that reading leads among those whose headword is in the text's script. Undefined when no
 * word starts there.
 */
export function lookUpWord(
  text: string,
  offset: number,
  options: { readonly dictionary: CedictDictionary; readonly script: DocumentScript; readonly service?: ReadingService; readonly system: ReadingSystem },
): DictionaryLookup | undefined {
  const found = options.dictionary.lookup(text, offset);
  if (!found) {
    return undefined;
  }
  const from = Math.max(0, offset - CONTEXT);
  const context = text.slice(from, offset + found.word.length + CONTEXT);
  const start = offset - from;
  const end = start + found.word.length;
  const read = (system: ReadingSystem) => {
    const track = options.service?.read(context, system, { dictionary: options.dictionary });
    const readings: CharacterReading[] = [];
    for (let i = start; track && i < end; i++) {
      const reading = track.get(i);
      if (reading) {
        readings.push(reading);
      }
    }
    return readings;
  };
  const pinyin = read('pinyin');
  const cards = cardsForDictionary(found.word, found.entries, { script: options.script, dictionary: options.dictionary, reading: pinyin.length > 0 ? joinReadings(pinyin) : undefined });
  return { start: offset, end: offset + found.word.length, cards, reading: options.system === 'pinyin' ? pinyin : read(options.system) };
}
