/**
 * The romanisations and phonetic scripts the reader shows over characters and in cards:
 * - `pinyin`: Hanyu Pinyin with tone marks (ISO 7098), Mandarin as standardised in the PRC;
 * - `jyutping`: the Linguistic Society of Hong Kong's Cantonese romanisation, tones as digits 1–6;
 * - `zhuyin`: Zhuyin Fuhao (Bopomofo) for the same Mandarin syllables as `pinyin`, with Taiwan's tone
 *   marks (ˊ ˇ ˋ, none for the first tone, ˙ written before a neutral-tone syllable);
 * - `pinyin+jyutping`: both, pinyin first.
 */
export type ReadingSystem = 'pinyin' | 'jyutping' | 'zhuyin' | 'pinyin+jyutping';
/** Every reading system, in the order the toolbar and the setting list them. */
export const READING_SYSTEMS: readonly ReadingSystem[] = ['pinyin', 'jyutping', 'zhuyin', 'pinyin+jyutping'];

/** Whether a value (a setting, a restored state, a message) names a reading system. */
export function isReadingSystem(value: unknown): value is ReadingSystem {
  return (READING_SYSTEMS as readonly unknown[]).includes(value);
}

/** The readings one system gives a character, in display order (two for `pinyin+jyutping`). */
export type CharacterReading = readonly string[];

/** Tone colour schemes, after the ones hover dictionaries offer (Zhongwen's `standard`, `pleco`, `hanping`). */
export type ToneColorScheme = 'standard' | 'pleco' | 'hanping' | 'none';
/** Every tone colour scheme, in the order the setting lists them. */
export const TONE_COLOR_SCHEMES: readonly ToneColorScheme[] = ['standard', 'pleco', 'hanping', 'none'];

/** Whether a value (a setting) names a tone colour scheme. */
export function isToneColorScheme(value: unknown): value is ToneColorScheme {
  return (TONE_COLOR_SCHEMES as readonly unknown[]).includes(value);
}

/** Pinyin's tone marks as combining characters (after NFD), with the tone each marks. */
export const PINYIN_TONE_MARKS: Readonly<Record<string, number>> = {
  '\u0304': 1, // macron: ā
  '\u0301': 2, // acute: á
  '\u030c': 3, // caron: ǎ
  '\u0300': 4, // grave: à
};

/**
 * The tone of one syllable: pinyin by its tone mark (1–4, 5 for none: the neutral tone), Jyutping by
 * its final digit (1–6), Zhuyin by its mark (ˊ 2, ˇ 3, ˋ 4, ˙ 5, none 1). Undefined when the
 * syllable carries no recognisable tone (a Latin letter inside a word, an empty string).
 */
export function toneOf(syllable: string, system: 'pinyin' | 'jyutping' | 'zhuyin'): number | undefined {
  if (syllable === '') {
    return undefined;
  }
  switch (system) {
    case 'jyutping': {
      const digit = /([1-6])$/.exec(syllable);
      return digit ? Number(digit[1]) : undefined;
    }
    case 'zhuyin':
      if (!/[\u3105-\u312f\u31a0-\u31bf]/.test(syllable)) {
        return undefined;
      }
      return syllable.includes('˙') ? 5 : syllable.includes('ˊ') ? 2 : syllable.includes('ˇ') ? 3 : syllable.includes('ˋ') ? 4 : 1;
    case 'pinyin': {
      if (!/^[\p{L}\u0300-\u036f]+$/u.test(syllable)) {
        return undefined;
      }
      for (const ch of syllable.normalize('NFD')) {
        const tone = PINYIN_TONE_MARKS[ch];
        if (tone) {
          return tone;
        }
      }
      return 5;
    }
  }
}

/** The systems a reading is made of, in the order `CharacterReading` lists them. */
export function readingParts(system: ReadingSystem): readonly ('pinyin' | 'jyutping' | 'zhuyin')[] {
  return system === 'pinyin+jyutping' ? ['pinyin', 'jyutping'] : [system];
}
