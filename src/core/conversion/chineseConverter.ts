import { ConverterCache } from './converterCache';
import { Direction } from './locales';
import { PhraseOverrides } from './phraseOverrides';
import { segmentationApplies } from './segmentedConverter';

/**
 * How text is cut before OpenCC matches phrases: `jieba` segments Simplified → Traditional
 * conversions into words first, as OpenCC's `*_jieba` configurations do; `none` is plain OpenCC
 * longest match, as opencc-js does. The values of `bilingualReader.conversion.segmentation`.
 */
export type Segmentation = 'jieba' | 'none';

export function isSegmentation(value: unknown): value is Segmentation {
  return value === 'jieba' || value === 'none';
}

/** OpenCC conversion, word by word where segmentation is on and applies, with the user's phrase overrides applied around it. */
export class ChineseConverter {
  private segmenterFailed = false;

  /**
   * @param onSegmenterFailure called once if jieba cannot be loaded; conversions then fall back to
   *   plain OpenCC matching rather than fail
   */
  constructor(
    readonly cache: ConverterCache = new ConverterCache(),
    private readonly onSegmenterFailure: (error: unknown) => void = () => undefined,
  ) {}

  /**
   * A function converting text in `direction`, honouring `overrides`. With `segmentation` `jieba`,
   * Simplified → Traditional directions convert word by word (see segmentedConverter.ts); the first
   * such converter loads jieba (about 0.3 s) unless `cache.segmenter.load()` ran ahead.
   */
  converterFor(direction: Direction, overrides: PhraseOverrides = PhraseOverrides.none, segmentation: Segmentation = 'none'): (text: string) => string {
    const segmented = segmentation === 'jieba' && segmentationApplies(direction) && !this.segmenterFailed;
    return overrides.wrap(segmented ? this.segmentedOrPlain(direction) : this.cache.get(direction));
  }

  convert(text: string, direction: Direction, overrides: PhraseOverrides = PhraseOverrides.none, segmentation: Segmentation = 'none'): string {
    return this.converterFor(direction, overrides, segmentation)(text);
  }

  private segmentedOrPlain(direction: Direction): (text: string) => string {
    try {
      return this.cache.getSegmented(direction);
    } catch (error) {
      this.segmenterFailed = true;
      this.onSegmenterFailure(error);
      return this.cache.get(direction);
    }
  }
}
