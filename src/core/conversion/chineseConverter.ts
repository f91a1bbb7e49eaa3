import { ConverterCache } from './converterCache';
import { Direction } from './locales';
import { PhraseOverrides } from './phraseOverrides';

/** OpenCC conversion with the user's phrase overrides applied around it. */
export class ChineseConverter {
  constructor(readonly cache: ConverterCache = new ConverterCache()) {}

  /** A function converting text in `direction`, honouring `overrides`. */
  converterFor(direction: Direction, overrides: PhraseOverrides = PhraseOverrides.none): (text: string) => string {
    return overrides.wrap(this.cache.get(direction));
  }

  convert(text: string, direction: Direction, overrides: PhraseOverrides = PhraseOverrides.none): string {
    return this.converterFor(direction, overrides)(text);
  }
}
