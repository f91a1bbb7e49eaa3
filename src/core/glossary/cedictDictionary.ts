import { HAN } from '../text/characters';
import { PINYIN_TONE_MARKS } from '../readings/readingSystem';

/** One CC-CEDICT reading of a word. */
export interface DictionaryEntry {
  readonly traditional: string;
  readonly simplified: string;
  /** Pinyin with tone marks. */
  readonly pinyin: string;
  readonly definitions: readonly string[];
}

/**
 * A word a pointer definition names. CC-CEDICT writes it `繁|简[pin1 yin1]`, `X[pin1 yin1]` or `X`; a
 * single form is the word in both scripts (CC-CEDICT's convention), so it matches either headword.
 */
export interface DictionaryReference {
  /** The first form written: the Traditional one when both are given, else the only one. */
  readonly form: string;
  /** The Simplified form, when CC-CEDICT gives both (`繁|简`). */
  readonly simplified?: string;
  /** The reading in CC-CEDICT's numbered pinyin (`li3 mian4`), when given. */
  readonly pinyin?: string;
}

/** A pointer definition taken apart: `variant of 裡面|里面[li3 mian4]`. */
export interface DictionaryPointer {
  /** The words before the reference, as CC-CEDICT writes them: "see", "old variant of", "also written"… */
  readonly relation: string;
  /** One or more references (`see X, Y` and `see X and Y` name several). */
  readonly references: readonly DictionaryReference[];
}

/** A word a pointer-only entry leads to, with that word's own readings. */
export interface ResolvedReference {
  readonly reference: DictionaryReference;
  /** The entries of the word named, matched by form and (when given) pinyin; none that are pointers themselves. */
  readonly entries: readonly DictionaryEntry[];
}

/** Longest word CC-CEDICT knows; longer strings are never looked up. */
const MAX_WORD = 16;
/** Pointer chains (`see X` where X is `variant of Y`) are followed at most this far. */
const MAX_POINTER_HOPS = 3;

/** `繁|简[pin1 yin1]`, `X[pin1 yin1]` or `X`; captures form, Simplified form, pinyin. */
const REFERENCE = String.raw`([^\s\[\]|,;/()]+)(?:\|([^\s\[\]|,;/()]+))?(?:\[([^\]]*)\])?`;
const REFERENCE_UNCAPTURED = String.raw`[^\s\[\]|,;/()]+(?:\|[^\s\[\]|,;/()]+)?(?:\[[^\]]*\])?`;
/**
 * The definitions that only send the reader elsewhere. The relations are CC-CEDICT's own wording (see
 * its editing rules at https://cc-cedict.org/wiki/format:syntax): see, see also, (any kind of) variant
 * of — old, archaic, erhua, Japanese, Taiwan, erroneous… —, also written, same as, erhua form of, now
 * written; an optional "(Tw)" or "(literary)" label before them. "abbr. for" and "used in" are not
 * pointers: they say something about the word itself.
 */
const POINTER = new RegExp(
  String.raw`^(?:\((?:Tw|literary)\) )?(see(?: also)?|(?:[A-Za-z-]+ ){0,2}variant of|also written|same as|erhua form of|now written) ` +
    String.raw`(${REFERENCE_UNCAPTURED}(?:(?:, | and | or )${REFERENCE_UNCAPTURED})*)$`,
  'u',
);
const ONE_REFERENCE = new RegExp(`^${REFERENCE}$`, 'u');

/**
 * A definition read as a pointer (`see 未可厚非[wei4 ke3 hou4 fei1]`, `old variant of 乾[qian2]`), or
 * undefined when it says something itself. Every reference must contain a Han character.
 */
export function parsePointer(definition: string): DictionaryPointer | undefined {
  const match = POINTER.exec(definition);
  if (!match) {
    return undefined;
  }
  const references: DictionaryReference[] = [];
  for (const written of match[2]!.split(/, | and | or /u)) {
    const [, form, simplified, pinyin] = ONE_REFERENCE.exec(written) ?? [];
    if (!form || !HAN.test(form)) {
      return undefined;
    }
    references.push({ form, ...(simplified ? { simplified } : {}), ...(pinyin ? { pinyin } : {}) });
  }
  return references.length > 0 ? { relation: match[1]!, references } : undefined;
}

/** The entry's pointers when every one of its definitions is a pointer, else undefined. */
export function pointersOf(entry: DictionaryEntry): readonly DictionaryPointer[] | undefined {
  const pointers: DictionaryPointer[] = [];
  for (const definition of entry.definitions) {
    const pointer = parsePointer(definition);
    if (!pointer) {
      return undefined;
    }
    pointers.push(pointer);
  }
  return pointers.length > 0 ? pointers : undefined;
}

/** Whether every definition of the entry only points at another word (`see X`, `variant of X`). */
export function isPointerOnly(entry: DictionaryEntry): boolean {
  return pointersOf(entry) !== undefined;
}

/**
 * Pinyin reduced to a comparable key: lower case, ü as v, tone as a digit after each syllable (none
 * for the neutral tone), syllables separated by one space. Tone marks (`lǐ miàn`) and CC-CEDICT's
 * numbers (`li3 mian4`, `lu:4`, `r5`) give the same key: `li3 mian4`.
 */
export function pinyinKey(pinyin: string): string {
  return pinyin
    .normalize('NFD')
    .toLowerCase()
    .split(/[\s,·]+/u)
    .filter((syllable) => syllable.length > 0)
    .map((syllable) => {
      let tone = 0;
      let letters = '';
      for (const ch of syllable) {
        if (PINYIN_TONE_MARKS[ch] !== undefined) {
          tone = PINYIN_TONE_MARKS[ch]!;
        } else {
          letters += ch === '\u0308' ? ':' : ch;
        }
      }
      const numbered = /^(.*?)([1-5])$/u.exec(letters);
      if (numbered) {
        letters = numbered[1]!;
        tone = Number(numbered[2]);
      }
      letters = letters.replace(/u:/gu, 'v');
      return tone >= 1 && tone <= 4 ? `${letters}${tone}` : letters;
    })
    .join(' ');
}

function isCapitalised(pinyin: string): boolean {
  const first = pinyin.normalize('NFD')[0] ?? '';
  return first !== first.toLowerCase();
}

/**
 * CC-CEDICT, for pinyin and meanings of every word the glossaries do not cover, as the Zhongwen
 * browser extension offers: the longest dictionary word starting at a position, in either script.
 * The data is the tab-separated file the build writes (traditional, simplified, pinyin, definitions
 * joined by " / "), loaded on first use.
 */
export class CedictDictionary {
  private readonly words = new Map<string, DictionaryEntry[]>();
  private longest = 1;
  /** The longest headword (UTF-16 units) starting, and ending, with each code unit: most rule out every lookup past two. */
  private readonly longestFrom = new Map<number, number>();
  private readonly longestTo = new Map<number, number>();

  /** Reads the build's TSV (scripts/buildDictionary.js); lines without four fields are skipped. */
  static parse(tsv: string): CedictDictionary {
    const dictionary = new CedictDictionary();
    let start = 0;
    while (start < tsv.length) {
      let end = tsv.indexOf('\n', start);
      if (end === -1) {
        end = tsv.length;
      }
      const line = tsv.slice(start, end);
      start = end + 1;
      const [traditional, simplified, pinyin, definitions] = line.split('\t');
      if (traditional && simplified && pinyin !== undefined && definitions) {
        dictionary.add({ traditional, simplified, pinyin, definitions: definitions.split(' / ') });
      }
    }
    return dictionary;
  }

  /** Number of distinct headwords (Traditional and Simplified forms counted once each). */
  get size(): number {
    return this.words.size;
  }

  /**
   * The entries of the longest word starting at `position` (a UTF-16 offset into `text`), in
   * CC-CEDICT's order, as Zhongwen reads: 無可厚非 at the 無 of 無可厚非 is the idiom, not 無.
   */
  lookup(text: string, position: number): { word: string; entries: readonly DictionaryEntry[] } | undefined {
    for (let length = Math.min(this.longest, MAX_WORD, text.length - position); length >= 1; length--) {
      const word = text.slice(position, position + length);
      const entries = this.words.get(word);
      if (entries) {
        return { word, entries };
      }
    }
    return undefined;
  }

  /** Every entry whose Traditional or Simplified headword is `word`, in CC-CEDICT's order. */
  entriesOf(word: string): readonly DictionaryEntry[] {
    return this.words.get(word) ?? [];
  }

  /**
   * What a pointer-only entry means: for each word its definitions name, that word's entries —
   * matched by form (both forms when CC-CEDICT gives both) and by pinyin when the pointer gives one,
   * capitals included (CC-CEDICT capitalises proper nouns), then without, then by form alone. Entries that are pointers themselves are followed
   * on, at most three hops, and never shown. Empty for an entry that is not pointer-only or whose
   * words are not in the dictionary.
   */
  resolve(entry: DictionaryEntry): readonly ResolvedReference[] {
    const pointers = pointersOf(entry);
    if (!pointers) {
      return [];
    }
    const seen = new Set<DictionaryEntry>([entry]);
    const resolved: ResolvedReference[] = [];
    for (const reference of pointers.flatMap((p) => p.references)) {
      const entries = this.follow(reference, seen, MAX_POINTER_HOPS);
      if (entries.length > 0) {
        resolved.push({ reference, entries });
      }
    }
    return resolved;
  }

  private follow(reference: DictionaryReference, seen: Set<DictionaryEntry>, hops: number): DictionaryEntry[] {
    const { form, simplified } = reference;
    let byForm = this.entriesOf(form).filter((e) => simplified === undefined || (e.traditional === form && e.simplified === simplified));
    if (byForm.length === 0 && simplified !== undefined) {
      // Now and then "A|B" names two variant forms rather than a Traditional and a Simplified one.
      byForm = [...this.entriesOf(form), ...this.entriesOf(simplified)];
    }
    const wanted = reference.pinyin === undefined ? undefined : pinyinKey(reference.pinyin);
    const byPinyin = wanted === undefined ? byForm : byForm.filter((e) => pinyinKey(e.pinyin) === wanted);
    // CC-CEDICT capitalises the pinyin of proper nouns: 乾|干[gan1] is "dry", not the surname Gān.
    const sameCase = byPinyin.filter((e) => isCapitalised(e.pinyin) === isCapitalised(reference.pinyin ?? e.pinyin));
    const result: DictionaryEntry[] = [];
    for (const target of sameCase.length > 0 ? sameCase : byPinyin.length > 0 ? byPinyin : byForm) {
      if (seen.has(target)) {
        continue;
      }
      seen.add(target);
      const further = pointersOf(target);
      if (!further) {
        result.push(target);
      } else if (hops > 1) {
        for (const next of further.flatMap((p) => p.references)) {
          result.push(...this.follow(next, seen, hops - 1));
        }
      }
    }
    return result;
  }

  private add(entry: DictionaryEntry): void {
    for (const form of new Set([entry.traditional, entry.simplified])) {
      const list = this.words.get(form);
      if (list) {
        list.push(entry);
      } else {
        this.words.set(form, [entry]);
      }
      this.longest = Math.max(this.longest, form.length);
      const first = form.charCodeAt(0);
      const last = form.charCodeAt(form.length - 1);
      this.longestFrom.set(first, Math.max(this.longestFrom.get(first) ?? 0, form.length));
      this.longestTo.set(last, Math.max(this.longestTo.get(last) ?? 0, form.length));
    }
  }

  /** The length (UTF-16 units) of the longest headword that starts with the code unit at `text[offset]`; 0 for none. */
  longestWordFrom(text: string, offset: number): number {
    return this.longestFrom.get(text.charCodeAt(offset)) ?? 0;
  }

  /** The length (UTF-16 units) of the longest headword that ends with the code unit at `text[offset]`; 0 for none. */
  longestWordTo(text: string, offset: number): number {
    return this.longestTo.get(text.charCodeAt(offset)) ?? 0;
  }
}
