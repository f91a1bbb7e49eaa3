import builtin from './builtinGlossary.json';
import type { GlossaryEntry } from './glossaryEntry';

interface BuiltinEntry {
  traditional: string;
  simplified: string;
  variants: string[];
  pinyin: string;
  english: string[];
  note?: string;
  domain: string;
}

/** The curated glossary of trade, technology and sanctions terms shipped with the extension. */
export function builtinEntries(sourceName: string): GlossaryEntry[] {
  return (builtin.entries as BuiltinEntry[]).map((e) => ({
    term: e.traditional,
    traditional: e.traditional,
    simplified: e.simplified,
    variants: e.variants,
    pinyin: e.pinyin || undefined,
    english: e.english,
    note: e.note,
    domain: e.domain,
    origin: 'builtin',
    sourceName,
  }));
}
