import { characterLength, isHanAt, isHanBefore, isLowSurrogate } from '../text/characters';
import { segmentRun, WordDictionary } from '../readings/wordSegmentation';
import type { WordBoundaries } from './termMatcher';


/**
 * Word boundaries from CC-CEDICT, by the bidirectional maximum matching the readings use
 * (wordSegmentation.ts), for the term matcher's choice between overlapping terms: 美國對華為的封鎖
 * is 美國/對/華為/的/封鎖, so 華為 (Huawei), while 美國對華為了遏制 is 美國/對華/為了/遏制, so 對華.
 * jieba, the conversions' segmenter, cuts both 对华/为 and is no help here. Outside a run of Han
 * characters, and while the dictionary is not loaded, every offset counts as a boundary (the
 * matcher then keeps its leftmost choice). The last run's boundaries are kept.
 */
export class DictionaryWordBoundaries implements WordBoundaries {
  private text: string | undefined;
  private run: { start: number; end: number; boundaries: Set<number> } | undefined;

  /**
   * @param dictionary CC-CEDICT if it is loaded (asking may start loading it), else undefined
   * @param toSimplified the text in Simplified characters: CC-CEDICT's Traditional headwords follow one
   *   standard (華為), the text may follow another (OpenCC's 華爲), and both share the Simplified 华为
   */
  constructor(
    private readonly dictionary: () => WordDictionary | undefined,
    private readonly toSimplified?: (text: string) => string,
  ) {}

  isBoundary(text: string, offset: number): boolean {
    if (text !== this.text || !this.run || offset < this.run.start || offset > this.run.end) {
      const dictionary = this.dictionary();
      if (!dictionary) {
        return true;
      }
      // The run of Han characters around the offset, whole code points (Ext. B names stay in it).
      let start = offset;
      while (isHanBefore(text, start)) {
        start -= isLowSurrogate(text, start - 1) && start >= 2 ? 2 : 1;
      }
      let end = offset;
      while (end < text.length && isHanAt(text, end)) {
        end += characterLength(text, end);
      }
      const boundaries = new Set<number>([start]);
      // Only the run is converted: the whole block once per overlap cost a block's conversion a keystroke.
      const run = this.toSimplified?.(text.slice(start, end));
      const simplified = run !== undefined && run.length === end - start ? text.slice(0, start) + run + text.slice(end) : undefined;
      for (const token of segmentRun(text, simplified, start, end, dictionary)) {
        boundaries.add(token.end);
      }
      this.text = text;
      this.run = { start, end, boundaries };
    }
    return this.run.boundaries.has(offset);
  }
}
