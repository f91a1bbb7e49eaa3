import type { FrequencyBand } from './readingLevel';

/** The last rank (1-based) of each band but `unlisted`. */
const BAND_LIMITS: readonly [FrequencyBand, number][] = [
  ['common', 3000],
  ['medium', 10000],
  ['rare', 50000],
];

/**
 * Word frequencies from jieba's dictionary (dict.txt of jieba, MIT, as @node-rs/jieba ships it: a
 * count for each Simplified word from jieba's corpus), as scripts/buildWordFrequency.js writes them:
 * one word per line, most frequent first. A word's rank gives its band.
 */
export class WordFrequencies {
  private readonly ranks = new Map<string, number>();

  /** Reads the build's list: one word per line (anything after a tab ignored), most frequent first. */
  static parse(text: string): WordFrequencies {
    const frequencies = new WordFrequencies();
    let rank = 0;
    for (const line of text.split('\n')) {
      const word = line.split('\t')[0]!.trim();
      if (word && !frequencies.ranks.has(word)) {
        frequencies.ranks.set(word, ++rank);
      }
    }
    return frequencies;
  }

  get size(): number {
    return this.ranks.size;
  }

  /** The word's rank (1 = most frequent), or undefined when it is not listed. `word` in Simplified characters. */
  rank(word: string): number | undefined {
    return this.ranks.get(word);
  }

  band(word: string): FrequencyBand {
    const rank = this.rank(word);
    return rank === undefined ? 'unlisted' : (BAND_LIMITS.find(([, limit]) => rank <= limit)?.[0] ?? 'unlisted');
  }
}
