import type { ConverterFunction } from 'opencc-js';
import { Direction, directionKey } from './locales';
import { segmentedConverter } from './segmentedConverter';
import { JiebaSegmenter } from './wordSegmenter';

type OpenCCModule = typeof import('opencc-js');

/**
 * Builds opencc-js converters on first use and keeps them. Nothing of opencc-js is loaded until
 * a converter is asked for: a Simplified→Traditional converter costs ~0.1–0.2 s and ~50 MB to
 * build, which must never happen at activation.
 */
export class ConverterCache {
  private openccModule: OpenCCModule | undefined;
  private readonly converters = new Map<string, ConverterFunction>();
  private readonly segmentedConverters = new Map<string, ConverterFunction>();
  /** jieba, loaded by the first segmented conversion or ahead of it by `segmenter.load()`. */
  readonly segmenter = new JiebaSegmenter();

  get(direction: Direction): ConverterFunction {
    const key = directionKey(direction);
    let converter = this.converters.get(key);
    if (!converter) {
      converter = this.opencc().Converter({ from: direction.from, to: direction.to });
      this.converters.set(key, converter);
    }
    return converter;
  }

  /**
   * The word-by-word converter for a Simplified → Traditional direction (segmentedConverter.ts),
   * built on first use; loads jieba if it is not loaded. Throws for other directions, or when
   * jieba's WebAssembly cannot be loaded.
   */
  getSegmented(direction: Direction): ConverterFunction {
    const key = directionKey(direction);
    let converter = this.segmentedConverters.get(key);
    if (!converter) {
      this.segmenter.load();
      converter = segmentedConverter(this.opencc(), direction, this.segmenter);
      this.segmentedConverters.set(key, converter);
    }
    return converter;
  }

  isBuilt(direction: Direction): boolean {
    return this.converters.has(directionKey(direction));
  }

  /** The opencc-js module itself (dictionaries, Trie), loaded on first call. */
  opencc(): OpenCCModule {
    // A lazy require, so that the bundler keeps opencc-js in its own file (see esbuild.js).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.openccModule ??= require('opencc-js') as OpenCCModule;
    return this.openccModule;
  }
}
