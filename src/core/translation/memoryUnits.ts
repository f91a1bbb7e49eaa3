import type { StoredTranslation } from './segmentTranslations';
import type { MemoryUnit } from './translationMemory';

/**
 * The memory units of a translation file: each translation begun (draft, translated, reviewed) with
 * a text, its source being the sentence its TextQuoteSelector quotes. `origin` names the file.
 */
export function unitsFromTranslations(translations: readonly StoredTranslation[], origin: string): MemoryUnit[] {
  return translations
    .filter((t) => t.state !== 'initial' && t.target.trim().length > 0)
    .map((t) => ({ source: t.selector[0].exact, target: t.target, origin }));
}

/**
 * The shape tmexchange's `tmx2js` gives a TMX file: `resources[key][language] = text` for units
 * outside a group (key: the tuid, or the source text), `resources[group][key][language]` for units
 * with a `<prop type="group">`. A `seg` with inline markup comes as an object whose `_` is its text.
 */
export interface TmxJson {
  readonly sourceLanguage?: string;
  readonly resources?: Record<string, Record<string, unknown>>;
}

/** The text of a `seg` as xml2js gives it: a string, or an object with its character data in `_`. */
function segText(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  const text = typeof value === 'object' && value !== null ? (value as { _?: unknown })._ : undefined;
  return typeof text === 'string' ? text : undefined;
}

/** The units of tmx2js's resources: entries whose values are texts are units, the others groups of units. */
function tmxUnits(resources: Record<string, Record<string, unknown>>): Record<string, unknown>[] {
  const units: Record<string, unknown>[] = [];
  for (const entry of Object.values(resources)) {
    const values = Object.values(entry);
    if (values.some((v) => segText(v) !== undefined)) {
      units.push(entry);
    } else {
      units.push(...values.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null));
    }
  }
  return units;
}

/** Whether BCP 47 tag `tag` is `language` or a region or script of it, or the reverse (case ignored: TMX files write EN-US). */
export function sameLanguage(tag: string, language: string): boolean {
  const a = tag.toLowerCase();
  const b = language.toLowerCase();
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

/**
 * The units of a TMX file read by tmexchange: from each translation unit, the Chinese variant (`zh…`,
 * or the header's source language) as the source and the variant in `targetLanguage` (BCP 47; a
 * region or script of it matches, `en` takes `EN-US`) as the target. Units without both are skipped.
 * `origin` names the file.
 */
export function unitsFromTmx(tmx: TmxJson, targetLanguage: string, origin: string): MemoryUnit[] {
  const units: MemoryUnit[] = [];
  for (const variants of tmxUnits(tmx.resources ?? {})) {
    const languages = Object.keys(variants);
    const source = languages.find((l) => sameLanguage(l, 'zh')) ?? languages.find((l) => tmx.sourceLanguage !== undefined && sameLanguage(l, tmx.sourceLanguage));
    const target = languages.find((l) => l !== source && sameLanguage(l, targetLanguage));
    const sourceText = source === undefined ? undefined : segText(variants[source]);
    const targetText = target === undefined ? undefined : segText(variants[target]);
    if (sourceText?.trim() && targetText?.trim()) {
      units.push({ source: sourceText, target: targetText, origin });
    }
  }
  return units;
}
