type PinyinModule = typeof import('pinyin-pro');

/** Pinyin of a text, one entry per UTF-16 offset where a Han character starts. */
export type PinyinTrack = ReadonlyMap<number, string>;

/**
 * Mandarin readings with tone marks, word-aware (pinyin-pro picks 行 háng in 银行, xíng in 行走).
 * pinyin-pro reads Simplified text best, so callers pass the Simplified form. Loaded on first use.
 */
export class PinyinAnnotator {
  private module: PinyinModule | undefined;

  /** Readings of every Han character of `text`, keyed by its offset. */
  track(text: string): PinyinTrack {
    const track = new Map<number, string>();
    let offset = 0;
    for (const item of this.pinyinPro().pinyin(text, { type: 'all', toneType: 'symbol' })) {
      if (item.isZh && item.pinyin) {
        track.set(offset, item.pinyin);
      }
      offset += item.origin.length;
    }
    return track;
  }

  /** The reading of a word, syllables separated by spaces (for new glossary entries). */
  reading(text: string): string {
    return this.pinyinPro().pinyin(text, { toneType: 'symbol' });
  }

  private pinyinPro(): PinyinModule {
    // A lazy require, bundled into its own file (see esbuild.js): 300 KB that activation never parses.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.module ??= require('pinyin-pro') as PinyinModule;
    return this.module;
  }
}
