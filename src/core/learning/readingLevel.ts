import type { ArticleWord } from './articleWords';
import { isUnknown, WordStatus } from './wordStatus';

/**
 * How common a word is, by its rank in a word frequency list (wordFrequency.ts): `common` among the
 * 3,000 most frequent, `medium` to 10,000, `rare` to 50,000, `unlisted` beyond or not in the list.
 */
export type FrequencyBand = 'common' | 'medium' | 'rare' | 'unlisted';
export const FREQUENCY_BANDS: readonly FrequencyBand[] = ['common', 'medium', 'rare', 'unlisted'];

/** What reading an article asks of this reader. */
export interface ReadingLevel {
  /** Words of the article, each occurrence counted (Han words: wordsOf). */
  readonly runningWords: number;
  /** Occurrences of words known or ignored. */
  readonly knownWords: number;
  /** knownWords / runningWords (1 for an article without Chinese words): the comprehension estimate reading apps give. */
  readonly knownShare: number;
  /** Different words, and of them those still new, and those being learned. */
  readonly distinctWords: number;
  readonly newWords: number;
  readonly learningWords: number;
  /** The new words by how common they are. */
  readonly newByBand: Readonly<Record<FrequencyBand, number>>;
}

/**
 * The reading level of an article from its words, the reader's statuses (`statusOf`, by key; `new`
 * for a word never marked) and a word's frequency band (`bandOf`, by key).
 */
export function readingLevel(words: readonly ArticleWord[], statusOf: (key: string) => WordStatus, bandOf: (key: string) => FrequencyBand): ReadingLevel {
  let knownWords = 0;
  const seen = new Map<string, WordStatus>();
  for (const word of words) {
    let status = seen.get(word.key);
    if (status === undefined) {
      status = statusOf(word.key);
      seen.set(word.key, status);
    }
    if (!isUnknown(status)) {
      knownWords++;
    }
  }
  const newByBand: Record<FrequencyBand, number> = { common: 0, medium: 0, rare: 0, unlisted: 0 };
  let newWords = 0;
  let learningWords = 0;
  for (const [key, status] of seen) {
    if (status === 'new') {
      newWords++;
      newByBand[bandOf(key)]++;
    } else if (isUnknown(status)) {
      learningWords++;
    }
  }
  return {
    runningWords: words.length,
    knownWords,
    knownShare: words.length === 0 ? 1 : knownWords / words.length,
    distinctWords: seen.size,
    newWords,
    learningWords,
    newByBand,
  };
}
