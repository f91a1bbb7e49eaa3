/** Where an entry comes from; earlier kinds win when two entries share a written form. */
export type GlossaryOrigin = 'workspace' | 'user' | 'builtin' | 'dictionary';
export const ORIGIN_PRECEDENCE: readonly GlossaryOrigin[] = ['workspace', 'user', 'builtin', 'dictionary'];

export type GlossaryDomain =
  | 'trade'
  | 'law'
  | 'institution'
  | 'company'
  | 'technology'
  | 'politics'
  | 'economy'
  | 'person'
  | 'place'
  | 'media';

export interface GlossaryEntry {
  /** The headword as the glossary gives it (Traditional for the built-in glossary). */
  readonly term: string;
  readonly traditional?: string;
  readonly simplified?: string;
  /** Other written forms: regional variants (芯片/晶片, 英偉達/輝達) in either script. */
  readonly variants: readonly string[];
  readonly pinyin?: string;
  readonly english: readonly string[];
  readonly note?: string;
  readonly domain?: string;
  readonly origin: GlossaryOrigin;
  /** The file or glossary the entry came from, for the hover card ("Built-in", a path). */
  readonly sourceName: string;
}

/** Every written form an entry matches: headword, both scripts and the variants, without duplicates. */
export function entryForms(entry: GlossaryEntry): string[] {
  const forms = [entry.term, entry.traditional, entry.simplified, ...entry.variants].filter(
    (f): f is string => typeof f === 'string' && f.trim().length > 0,
  );
  return [...new Set(forms)];
}
