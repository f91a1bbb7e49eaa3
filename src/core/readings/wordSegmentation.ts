import { characterLength, isLowSurrogate } from '../text/characters';

/** A word dictionary (CC-CEDICT): the entries of a headword in either script (none: empty or undefined), each with its pinyin (syllables separated by spaces). */
export interface WordDictionary {
  entriesOf(word: string): readonly WordEntry[] | undefined;
  /** For a pointer-only entry ("see 儘快|尽快[jin3 kuai4]"), the entries of the words it names. */
  resolve?(entry: WordEntry): readonly { readonly entries: readonly WordEntry[] }[];
  /** The length (UTF-16 units) of the longest headword starting with the code unit at `text[offset]`, to skip lookups that cannot succeed. */
  longestWordFrom?(text: string, offset: number): number;
  /** The same for the longest headword ending with the code unit at `text[offset]`. */
  longestWordTo?(text: string, offset: number): number;
}

/** One dictionary reading of a word: its pinyin, one syllable per character, separated by spaces (CC-CEDICT's form). */
export interface WordEntry {
  readonly pinyin: string;
}

/** A piece of a run: a dictionary word (with its entries) or a character that stands alone. */
export interface RunToken {
  readonly start: number;
  readonly end: number;
  readonly entries?: readonly { readonly pinyin: string }[];
}

/**
 * Characters that are words on their own (particles, prepositions, pronouns, common verbs): a cut
 * that leaves them alone is no worse for it (項目/的/內容 beats 項/目的/內容).
 */
const FREE_WORDS = new Set([...'的了在是和與与及也都就又而但並并將将把被對对從从向於于以為为由等之其此這这那個个不沒没很更最已會会要能可讓让使給给到上下中內内外年月日後后前時时地得着著過过所還还再才只我你他她它們们人']);

/** Longest word tried. CC-CEDICT has longer headwords, but few, and none whose reading its parts do not give. */
const MAX_WORD = 8;

/**
 * Cuts a run of Han characters [start, end) of `text` into dictionary words by bidirectional
 * maximum matching (Sproat et al.'s baseline; as in most Chinese segmenters before statistics):
 * forward and backward longest-match segmentations are made, and the one with fewer tokens wins,
 * then the one that leaves fewer characters alone that are not words on their own (因為這不僅 is
 * 因為/這/不僅, not 因為/這不/僅; 的人參加 is 的/人/參加, not 的/人參/加), then the one whose words
 * disagree less with the reading in context (`disagreement`: 中美的 is 中美/的, not 中/美的
 * "Midea"), then the backward one (the more accurate of the two on Chinese text). A pointer-only entry (盡快 "see 儘快") reads as the word it names.
 * `simplified` is the run's Simplified form at the same offsets, when it has one: Hong Kong forms
 * (裏, 着) may be missing from the dictionary's headwords while their Simplified forms are not.
 * Offsets are UTF-16 code units; characters outside the BMP stay whole.
 */
export function segmentRun(
  text: string,
  simplified: string | undefined,
  start: number,
  end: number,
  dictionary: WordDictionary,
  disagreement: (token: RunToken) => number = () => 0,
): RunToken[] {
  const known = (word: string) => {
    const entries = dictionary.entriesOf(word);
    if (!entries || entries.length === 0) {
      return undefined;
    }
    let readings = readingsCache.get(entries);
    if (!readings) {
      readings = entries.flatMap((entry) => readingEntries(dictionary, entry, [...word].length));
      readingsCache.set(entries, readings);
    }
    return readings;
  };
  const lookup = (from: number, to: number) =>
    mayStartWord(text, from) ? (known(text.slice(from, to)) ?? (simplified ? known(simplified.slice(from, to)) : undefined)) : undefined;
  const forward: RunToken[] = [];
  for (let i = start; i < end; ) {
    let token: RunToken | undefined;
    const bound = Math.max(dictionary.longestWordFrom?.(text, i) ?? MAX_WORD, simplified ? (dictionary.longestWordFrom?.(simplified, i) ?? MAX_WORD) : 0);
    for (let length = Math.min(MAX_WORD, end - i, bound); length >= 2 && !token; length--) {
      const entries = lookup(i, i + length);
      token = entries && { start: i, end: i + length, entries };
    }
    token ??= { start: i, end: i + characterLength(text, i) };
    forward.push(token);
    i = token.end;
  }
  const backward: RunToken[] = [];
  for (let j = end; j > start; ) {
    let token: RunToken | undefined;
    const bound = Math.max(dictionary.longestWordTo?.(text, j - 1) ?? MAX_WORD, simplified ? (dictionary.longestWordTo?.(simplified, j - 1) ?? MAX_WORD) : 0);
    for (let length = Math.min(MAX_WORD, j - start, bound); length >= 2 && !token; length--) {
      const entries = lookup(j - length, j);
      token = entries && { start: j - length, end: j, entries };
    }
    token ??= { start: j - (isLowSurrogate(text, j - 1) ? 2 : 1), end: j };
    backward.push(token);
    j = token.start;
  }
  backward.reverse();
  if (forward.length !== backward.length) {
    return forward.length < backward.length ? forward : backward;
  }
  const sum = (tokens: RunToken[], measure: (t: RunToken) => number) => tokens.reduce((total, t) => total + measure(t), 0);
  const single = (t: RunToken) => (t.entries || FREE_WORDS.has(text.slice(t.start, t.end)) ? 0 : 1);
  const singles = sum(forward, single) - sum(backward, single);
  if (singles !== 0) {
    return singles < 0 ? forward : backward;
  }
  const against = sum(forward, disagreement) - sum(backward, disagreement);
  return against < 0 ? forward : backward;
}

/**
 * Whether a dictionary word may start at `offset`: 多, 餘, 來 right after a number belong to the
 * number (280多個 is 280多 + 個, not 多個 "many").
 */
function mayStartWord(text: string, offset: number): boolean {
  return !(/[多餘余來来]/u.test(text[offset] ?? '') && /[0-9０-９一二三四五六七八九十百千萬万億亿]/u.test(text[offset - 1] ?? ''));
}

/** Readings of a dictionary's entry lists, worked out once (pointers are resolved by parsing their definitions). */
const readingsCache = new WeakMap<readonly WordEntry[], readonly WordEntry[]>();

/** The readings an entry stands for: a pointer-only entry's are those of the words it names (盡快 jǐn kuài, as 儘快). */
function readingEntries(dictionary: WordDictionary, entry: WordEntry, syllables: number): readonly WordEntry[] {
  const named = dictionary.resolve?.(entry).flatMap((r) => r.entries.filter((e) => e.pinyin.split(' ').length === syllables)) ?? [];
  return named.length > 0 ? named : [entry];
}
