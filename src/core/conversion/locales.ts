/**
 * OpenCC locale names as opencc-js understands them, and the OpenCC config names
 * (`hk2s`, `s2twp`, …) that correspond to a pair of them.
 */
export const LOCALES = ['cn', 'hk', 'hkp', 'tw', 'twp', 't', 'jp'] as const;
export type Locale = (typeof LOCALES)[number];

export interface Direction {
  readonly from: Locale;
  readonly to: Locale;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Locales whose text is written in Simplified characters. */
export function isSimplifiedLocale(locale: Locale): boolean {
  return locale === 'cn';
}

/**
 * OpenCC's own config names for the directions opencc-js can express. The upstream test cases
 * are keyed by these names.
 */
export const OPENCC_CONFIGS: Readonly<Record<string, Direction>> = {
  hk2s: { from: 'hk', to: 'cn' },
  hk2sp: { from: 'hkp', to: 'cn' },
  hk2t: { from: 'hk', to: 't' },
  jp2t: { from: 'jp', to: 't' },
  s2hk: { from: 'cn', to: 'hk' },
  s2hkp: { from: 'cn', to: 'hkp' },
  s2t: { from: 'cn', to: 't' },
  s2tw: { from: 'cn', to: 'tw' },
  s2twp: { from: 'cn', to: 'twp' },
  t2hk: { from: 't', to: 'hk' },
  t2jp: { from: 't', to: 'jp' },
  t2s: { from: 't', to: 'cn' },
  t2tw: { from: 't', to: 'tw' },
  tw2s: { from: 'tw', to: 'cn' },
  tw2sp: { from: 'twp', to: 'cn' },
  tw2t: { from: 'tw', to: 't' },
};

export function directionKey(direction: Direction): string {
  return `${direction.from}→${direction.to}`;
}

/** Reads `{ from, to }` from untrusted input (command arguments, settings); undefined if malformed. */
export function parseDirection(value: unknown): Direction | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { from, to } = value as { from?: unknown; to?: unknown };
  if (!isLocale(from) || !isLocale(to) || from === to) {
    return undefined;
  }
  return { from, to };
}
