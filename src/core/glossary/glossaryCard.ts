import { type CedictDictionary, type DictionaryEntry, isPointerOnly, pinyinKey, type ResolvedReference } from './cedictDictionary';
import type { GlossaryEntry } from './glossaryEntry';
import type { ReadingSystem } from '../readings/readingSystem';

/**
 * The meaning a pointer-only dictionary entry leads to: one reading of the word it names
 * (`variant of 裡面|里面[li3 mian4]` → 裡面 lǐ miàn "inside / interior").
 */
export interface ResolvedReading {
  /** The word pointed at, in the document's script. */
  readonly term: string;
  /** Its pinyin with tone marks, as CC-CEDICT gives it. */
  readonly pinyin: string;
  readonly english: readonly string[];
}

/** What a hover shows for a term, in the editor and in the reader panel alike. */
export interface GlossaryCard {
  readonly term: string;
  /**
   * The term's reading as the panel's ruby gives it, one entry per Han character (two parts each with
   * `pinyin+jyutping`), so the card can colour it by tone; absent when the panel shows no readings.
   */
  readonly reading?: { readonly system: ReadingSystem; readonly syllables: readonly (readonly string[])[] };
  /** The term's other written forms (other script, regional variants). */
  readonly otherForms: readonly string[];
  readonly pinyin?: string;
  readonly english: readonly string[];
  readonly note?: string;
  readonly domain?: string;
  /** "Built-in glossary", a file name, or "CC-CEDICT". */
  readonly source: string;
  /**
   * Dictionary cards only: when every definition only points elsewhere (`see X`, `variant of X`),
   * the readings of X, so that the card answers. Absent otherwise.
   */
  readonly resolved?: readonly ResolvedReading[];
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

/**
 * How a document is written, as ScriptDetector tells (its ScriptKind, spelled out here so that the
 * webview, which reads GlossaryCard, never compiles the detector and OpenCC).
 */
export type DocumentScript = 'none' | 'traditional' | 'simplified' | 'mixed';

/** What `cardsForDictionary` needs to know about the place hovered. */
export interface DictionaryCardOptions {
  /**
   * The document's script (ScriptDetector.detect(text).kind). Entries whose headword in that script is
   * the hovered word come first; for 'mixed' and 'none' either headword counts.
   */
  readonly script: DocumentScript;
  /**
   * The reading the text has at that place, pinyin with tone marks or CC-CEDICT's numbers
   * (`gān`, `gan1`); among entries that rank alike, the ones with this reading come first.
   */
  readonly reading?: string;
  /** Resolves pointer-only entries (`see X`); without it they show only their own definitions. */
  readonly dictionary?: Pick<CedictDictionary, 'resolve'>;
}

/**
 * Every dictionary reading of a word as cards, best first for the document — none left out (the
 * renderer decides how many to show in full):
 * 1. entries whose headword in the document's script is the hovered word (乾 gān "dry" in a
 *    Traditional text, not 乹, the old variant, whose Simplified form is 乾), then the others;
 * 2. within those, the entry with the text's reading, when given;
 * 3. last of all, whatever the rest: surnames (first definition "surname …"), old and archaic variants
 *    and pointer-only entries (`see X`, `variant of X`; CC-CEDICT's own wording, see parsePointer).
 * Ties keep CC-CEDICT's order. A pointer-only entry carries, in `resolved`, the readings of the word it
 * names, with that word written in the document's script.
 */
export function cardsForDictionary(word: string, entries: readonly DictionaryEntry[], options: DictionaryCardOptions): GlossaryCard[] {
  const reading = options.reading === undefined ? undefined : pinyinKey(options.reading);
  const ranked = entries
    .map((entry, index) => ({
      entry,
      index,
      rank: [isDemoted(entry) ? 1 : 0, headwordIn(entry, word, options.script) === word ? 0 : 1, reading !== undefined && pinyinKey(entry.pinyin) === reading ? 0 : 1],
    }))
    .sort((a, b) => compareRanks(a.rank, b.rank) || a.index - b.index);
  return ranked.map(({ entry }) => {
    const resolved = options.dictionary ? resolvedReadings(options.dictionary.resolve(entry), entry, word, options.script) : [];
    return {
      term: word,
      otherForms: [...new Set([entry.traditional, entry.simplified])].filter((f) => f !== word),
      pinyin: entry.pinyin,
      english: entry.definitions,
      source: 'CC-CEDICT',
      ...(resolved.length > 0 ? { resolved } : {}),
    };
  });
}

/** Surnames, old and archaic variants, and entries that only point elsewhere. */
function isDemoted(entry: DictionaryEntry): boolean {
  const first = entry.definitions[0] ?? '';
  return first.startsWith('surname ') || /^(?:old|archaic) variant of /u.test(first) || isPointerOnly(entry);
}

/** The headword a reader of the document sees; for mixed or unknown script the one that was hovered. */
function headwordIn(entry: DictionaryEntry, word: string, script: DocumentScript): string {
  if (script === 'traditional') {
    return entry.traditional;
  }
  if (script === 'simplified') {
    return entry.simplified;
  }
  return entry.simplified === word ? entry.simplified : entry.traditional;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      return a[i]! - b[i]!;
    }
  }
  return 0;
}

function resolvedReadings(found: readonly ResolvedReference[], entry: DictionaryEntry, word: string, script: DocumentScript): ResolvedReading[] {
  // The word pointed at, in the script the hovered word is written in.
  const simplified = script === 'simplified' || (script !== 'traditional' && entry.simplified === word && entry.traditional !== word);
  const readings: ResolvedReading[] = [];
  for (const { entries } of found) {
    const ranked = entries.map((e, index) => ({ e, index })).sort((a, b) => Number(isDemoted(a.e)) - Number(isDemoted(b.e)) || a.index - b.index);
    for (const { e } of ranked) {
      readings.push({ term: simplified ? e.simplified : e.traditional, pinyin: e.pinyin, english: e.definitions });
    }
  }
  return readings;
}
