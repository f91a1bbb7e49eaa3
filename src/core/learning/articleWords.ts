import type { TermMatcher } from '../glossary/termMatcher';
import { segmentRun, WordDictionary } from '../readings/wordSegmentation';
import { characterLength, isHanAt } from '../text/characters';

/** A word of an article, as a learner's statuses see it. */
export interface ArticleWord {
  /** [start, end) in the text, UTF-16 offsets. */
  readonly start: number;
  readonly end: number;
  /** The word as the text writes it. */
  readonly word: string;
  /** What its status is kept under (wordKey): the same for the word in every script. */
  readonly key: string;
}

export interface WordSources {
  /** CC-CEDICT: the words of a run of Han characters are its longest words, cut as the readings cut them. */
  readonly dictionary: WordDictionary;
  /** A text in Simplified characters (OpenCC, Traditional to Simplified): keys, and CC-CEDICT lookups across scripts. */
  readonly toSimplified: (text: string) => string;
  /** The glossaries: a term is one word, whatever the dictionary would cut, and all its forms share one key. */
  readonly matcher?: TermMatcher;
}

/**
 * The words of `text` for a learner: in each run of Han characters, the glossary's terms first (one
 * word each, keyed by their entry: 晶片 and 芯片 are one word when one entry has both), then the rest
 * cut by CC-CEDICT's longest words (wordSegmentation.ts, bidirectional maximum matching), a character
 * that is no word standing alone. Keys are the Simplified form, so 學習 and 学习 share a status.
 * Text outside Han runs (Latin, digits, punctuation) has no words here: a learner of Chinese neither
 * marks nor counts it. Throws nothing.
 */
export function articleWords(text: string, sources: WordSources): ArticleWord[] {
  const converted = sources.toSimplified(text);
  // Conversion keeps offsets almost always (character for character); a phrase of another length does not.
  const simplified = converted.length === text.length ? converted : undefined;
  const keyOf = (start: number, end: number) => simplified?.slice(start, end) ?? sources.toSimplified(text.slice(start, end));
  const words: ArticleWord[] = [];
  const terms = (sources.matcher?.findAll(text) ?? []).filter((hit) => isHanAt(text, hit.start));
  let termIndex = 0;
  for (let offset = 0; offset < text.length; ) {
    if (!isHanAt(text, offset)) {
      offset += characterLength(text, offset);
      continue;
    }
    let end = offset;
    while (end < text.length && isHanAt(text, end)) {
      end += characterLength(text, end);
    }
    // The run's terms, and the dictionary's words between them.
    let from = offset;
    while (termIndex < terms.length && terms[termIndex]!.start < end) {
      const hit = terms[termIndex++]!;
      if (hit.start < from) {
        continue;
      }
      const hitEnd = Math.min(hit.end, end);
      words.push(...dictionaryWords(text, simplified, from, hit.start, sources.dictionary, keyOf));
      words.push({ start: hit.start, end: hitEnd, word: text.slice(hit.start, hitEnd), key: sources.toSimplified(hit.entry.term) });
      from = hitEnd;
    }
    words.push(...dictionaryWords(text, simplified, from, end, sources.dictionary, keyOf));
    offset = end;
  }
  return words;
}

function dictionaryWords(text: string, simplified: string | undefined, start: number, end: number, dictionary: WordDictionary, keyOf: (start: number, end: number) => string): ArticleWord[] {
  if (end <= start) {
    return [];
  }
  return segmentRun(text, simplified, start, end, dictionary).map((token) => ({ start: token.start, end: token.end, word: text.slice(token.start, token.end), key: keyOf(token.start, token.end) }));
}

/** The key a word's status is kept under, as articleWords gives it: its glossary term's, or its Simplified form. */
export function wordKey(word: string, sources: Omit<WordSources, 'dictionary'>): string {
  const hit = sources.matcher?.findAll(word).find((h) => h.start === 0 && h.end === word.length);
  return sources.toSimplified(hit ? hit.entry.term : word);
}
