type JiebaModule = typeof import('jieba-wasm');

/** Cuts Chinese text into words. */
export interface WordSegmenter {
  /** The words of `text`, in order; joined, they give `text` back unchanged. */
  cut(text: string): string[];
  /** Whether `word` is an entry of the segmenter's own dictionary (whatever it chose to cut in context). */
  isWord(word: string): boolean;
}

/**
 * jieba (jieba-rs through the `jieba-wasm` package: WebAssembly, no native build, runs on Node 20),
 * the segmenter OpenCC's `*_jieba` configurations use, with its default dictionary. Its HMM for
 * unknown words is off: OpenCC's `*_jieba` golden outputs match with it on or off, and off is about
 * 1.5 times faster (6.4 against 4.3 MB/s here) and leaves an unknown word as single characters, which
 * OpenCC's phrases may then join whole (one more of OpenCC's test cases passes: 無綫新聞台). The first
 * cut builds the dictionary: about 0.3 s, once (BENCHMARKS.md); `load()` does it ahead of use, `cut`
 * on first use.
 */
export class JiebaSegmenter implements WordSegmenter {
  private jieba: JiebaModule | undefined;
  private readonly words = new Map<string, boolean>();

  get isLoaded(): boolean {
    return this.jieba !== undefined;
  }

  /** Loads jieba and builds its dictionary. Throws when the WebAssembly cannot be loaded. */
  load(): JiebaModule {
    if (!this.jieba) {
      // A lazy require, bundled into a file of its own beside its .wasm (see esbuild.js).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const jieba = require('jieba-wasm') as JiebaModule;
      jieba.cut('中文', false);
      this.jieba = jieba;
    }
    return this.jieba;
  }

  cut(text: string): string[] {
    return this.load().cut(text, false);
  }

  isWord(word: string): boolean {
    let known = this.words.get(word);
    if (known === undefined) {
      // Full mode lists every dictionary word in the text; the word itself is among them if it is one.
      known = this.load().cut_all(word).includes(word);
      this.words.set(word, known);
    }
    return known;
  }
}
