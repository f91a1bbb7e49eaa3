import type { ConverterCache } from '../conversion/converterCache';

export type ScriptKind = 'none' | 'traditional' | 'simplified' | 'mixed';

export interface ScriptProfile {
  readonly kind: ScriptKind;
  /** Han characters seen. */
  readonly han: number;
  /** Characters that exist only in Traditional writing (漢, 體) and only in Simplified (汉, 体). */
  readonly traditionalOnly: number;
  readonly simplifiedOnly: number;
  /** Share of the distinguishing characters that are Traditional, 0–1 (0.5 when there are none). */
  readonly traditionalShare: number;
  /** For Traditional text: Hong Kong usage (variants 衞 説, non-Taiwan vocabulary 芯片 首席執行官). */
  readonly hongKongLike: boolean;
}

/** Up to this many leading characters are examined; enough to tell a script, cheap on 10 MB files. */
export const SAMPLE_LIMIT = 200_000;
/** Share of distinguishing characters from which a text counts as written in one script. */
const DOMINANT_SHARE = 0.9;

const HAN = /\p{Script=Han}/u;

interface CharacterTables {
  readonly traditionalOnly: ReadonlySet<string>;
  readonly simplifiedOnly: ReadonlySet<string>;
  readonly hongKongVariants: ReadonlySet<string>;
  readonly taiwanVariants: ReadonlySet<string>;
  /** Words OpenCC's Taiwan phrase table would replace: mainland and Hong Kong vocabulary. */
  readonly nonTaiwanVocabulary: { matchPrefix(text: string, offset: number): { end: number } | null };
}

/**
 * Tells which script a text is written in, from OpenCC's own character tables: a character that
 * t→cn changes is Traditional-only, one that cn→t changes is Simplified-only; characters both
 * scripts share (的, 中) say nothing.
 */
export class ScriptDetector {
  private tables: CharacterTables | undefined;

  constructor(private readonly cache: ConverterCache) {}

  detect(text: string): ScriptProfile {
    const tables = this.characterTables();
    const sample = text.length > SAMPLE_LIMIT ? text.slice(0, SAMPLE_LIMIT) : text;
    let han = 0;
    let trad = 0;
    let simp = 0;
    let hk = 0;
    let tw = 0;
    for (const ch of sample) {
      if (!HAN.test(ch)) {
        continue;
      }
      han++;
      if (tables.traditionalOnly.has(ch)) {
        trad++;
      } else if (tables.simplifiedOnly.has(ch)) {
        simp++;
      }
      if (tables.hongKongVariants.has(ch)) {
        hk++;
      } else if (tables.taiwanVariants.has(ch)) {
        tw++;
      }
    }
    const distinguishing = trad + simp;
    const traditionalShare = distinguishing === 0 ? 0.5 : trad / distinguishing;
    let kind: ScriptKind = 'none';
    if (han > 0) {
      if (distinguishing === 0 || traditionalShare >= DOMINANT_SHARE) {
        kind = distinguishing === 0 ? 'none' : 'traditional';
      } else if (traditionalShare <= 1 - DOMINANT_SHARE) {
        kind = 'simplified';
      } else {
        kind = 'mixed';
      }
    }
    const hongKongLike = kind === 'traditional' && hk + countMatches(sample, tables.nonTaiwanVocabulary) > tw;
    return { kind, han, traditionalOnly: trad, simplifiedOnly: simp, traditionalShare, hongKongLike };
  }

  private characterTables(): CharacterTables {
    if (this.tables) {
      return this.tables;
    }
    const { Locale, Trie } = this.cache.opencc();
    const traditionalOnly = changedCharacters(Locale.to.cn);
    const simplifiedOnly = changedCharacters(Locale.from.cn);
    const hkTargets = variantTargets(Locale.to.hk);
    const twTargets = variantTargets(Locale.to.tw);
    const vocabulary = new Trie();
    vocabulary.loadDict(Locale.to.twp[0][0]);
    this.tables = {
      traditionalOnly,
      simplifiedOnly,
      hongKongVariants: difference(hkTargets, twTargets),
      taiwanVariants: difference(twTargets, hkTargets),
      nonTaiwanVocabulary: vocabulary,
    };
    return this.tables;
  }
}

type DictGroups = readonly (readonly (string | readonly (readonly [string, string])[])[])[];

/** Single characters a dictionary maps only to other characters (never to themselves). */
function changedCharacters(groups: DictGroups): Set<string> {
  const result = new Set<string>();
  forEachEntry(groups, (key, values) => {
    if ([...key].length === 1 && !values.includes(key)) {
      result.add(key);
    }
  });
  return result;
}

/** Characters a regional variant table produces. */
function variantTargets(groups: DictGroups): Set<string> {
  const result = new Set<string>();
  forEachEntry(groups, (key, values) => {
    if ([...key].length === 1) {
      for (const value of values) {
        if (value !== key) {
          result.add(value);
        }
      }
    }
  });
  return result;
}

function forEachEntry(groups: DictGroups, visit: (key: string, values: string[]) => void): void {
  for (const group of groups) {
    for (const dict of group) {
      if (typeof dict === 'string') {
        // opencc-js packs a dictionary as "key value value|key value…".
        for (const entry of dict.split('|')) {
          const [key, ...values] = entry.split(' ');
          if (key) {
            visit(key, values);
          }
        }
      } else {
        for (const [key, value] of dict) {
          visit(key, [value]);
        }
      }
    }
  }
}

function difference(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set([...a].filter((x) => !b.has(x)));
}

function countMatches(text: string, trie: CharacterTables['nonTaiwanVocabulary']): number {
  let count = 0;
  let i = 0;
  while (i < text.length) {
    const match = trie.matchPrefix(text, i);
    if (match) {
      count++;
      i = match.end;
    } else {
      i++;
    }
  }
  return count;
}
