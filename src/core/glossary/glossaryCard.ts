import type { DictionaryEntry } from './cedictDictionary';
import type { GlossaryEntry } from './glossaryEntry';

/** What a hover shows for a term, in the editor and in the reader panel alike. */
export interface GlossaryCard {
  readonly term: string;
  /** The term's other written forms (other script, regional variants). */
  readonly otherForms: readonly string[];
  readonly pinyin?: string;
  readonly english: readonly string[];
  readonly note?: string;
  readonly domain?: string;
  /** "Built-in glossary", a file name, or "CC-CEDICT". */
  readonly source: string;
}

export function cardForEntry(entry: GlossaryEntry, matched: string): GlossaryCard {
  const forms = [entry.traditional, entry.simplified, entry.term, ...entry.variants].filter(
    (f): f is string => typeof f === 'string' && f.length > 0 && f !== matched,
  );
  return {
    term: matched,
    otherForms: [...new Set(forms)],
    pinyin: entry.pinyin,
    english: entry.english,
    note: entry.note,
    domain: entry.domain,
    source: entry.sourceName,
  };
}

/** Dictionary readings of a word, at most `limit` of them, each with its first definitions. */
export function cardsForDictionary(word: string, entries: readonly DictionaryEntry[], limit = 4): GlossaryCard[] {
  return entries.slice(0, limit).map((e) => ({
    term: word,
    otherForms: [e.traditional, e.simplified].filter((f) => f !== word),
    pinyin: e.pinyin,
    english: e.definitions.slice(0, 8),
    source: 'CC-CEDICT',
  }));
}
