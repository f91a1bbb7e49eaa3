/** One CC-CEDICT reading of a word. */
export interface DictionaryEntry {
  readonly traditional: string;
  readonly simplified: string;
  /** Pinyin with tone marks. */
  readonly pinyin: string;
  readonly definitions: readonly string[];
}

/** Longest word CC-CEDICT knows; longer strings are never looked up. */
const MAX_WORD = 16;

/**
 * CC-CEDICT, for pinyin and meanings of every word the glossaries do not cover, as the Zhongwen
 * browser extension offers: the longest dictionary word starting at a position, in either script.
 * The data is the tab-separated file the build writes (traditional, simplified, pinyin, definitions
 * joined by " / "), loaded on first use.
 */
export class CedictDictionary {
  private readonly words = new Map<string, DictionaryEntry[]>();
  private longest = 1;

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

  get size(): number {
    return this.words.size;
  }

  /** The entries of the longest word starting at `position`. */
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

  private add(entry: DictionaryEntry): void {
    for (const form of new Set([entry.traditional, entry.simplified])) {
      const list = this.words.get(form);
      if (list) {
        list.push(entry);
      } else {
        this.words.set(form, [entry]);
      }
      this.longest = Math.max(this.longest, form.length);
    }
  }
}
