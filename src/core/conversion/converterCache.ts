import type { ConverterFunction } from 'opencc-js';
import { Direction, directionKey } from './locales';

type OpenCCModule = typeof import('opencc-js');

/**
 * Builds opencc-js converters on first use and keeps them. Nothing of opencc-js is loaded until
 * a converter is asked for: a Simplified→Traditional converter costs ~0.1–0.2 s and ~50 MB to
 * build, which must never happen at activation.
 */
export class ConverterCache {
  private openccModule: OpenCCModule | undefined;
  private readonly converters = new Map<string, ConverterFunction>();

  get(direction: Direction): ConverterFunction {
    const key = directionKey(direction);
    let converter = this.converters.get(key);
    if (!converter) {
      converter = this.opencc().Converter({ from: direction.from, to: direction.to });
      this.converters.set(key, converter);
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
