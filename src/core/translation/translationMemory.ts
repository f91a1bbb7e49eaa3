import diff from 'fast-diff';

/** A translation unit of the memory: a source sentence, its translation, and where it came from (a file name). */
export interface MemoryUnit {
  readonly source: string;
  readonly target: string;
  readonly origin: string;
}

/**
 * The differences between a unit's source and the sentence looked up, as fast-diff gives them (-1 only
 * in the unit, 1 only in the sentence, 0 in both), on the folded sources (Simplified, without spaces).
 */
export type MemoryDifference = readonly [op: -1 | 0 | 1, text: string];

export interface MemoryMatch {
  readonly unit: MemoryUnit;
  /** 0–1: the share of the longer of the two sources that is the same (1 is an exact match). */
  readonly similarity: number;
  readonly differences: readonly MemoryDifference[];
}

/** Matches below this similarity are not offered (CAT tools' usual fuzzy threshold). */
export const FUZZY_MINIMUM = 0.7;
/** Candidates scored by a character diff per lookup, chosen by shared character pairs. */
const CANDIDATES = 40;

/**
 * A translation memory: exact and fuzzy matches for a sentence, ranked by similarity, as CAT tools
 * offer them. Sources are compared after `fold` (the extension passes a conversion to Simplified, so a
 * Simplified sentence finds a unit made on Traditional text) and without spaces. Candidates come from
 * an index of character pairs (bigrams); the best CANDIDATES are scored with a character diff
 * (fast-diff, Myers' algorithm): similarity = characters in common / the longer length.
 */
export class TranslationMemory {
  private readonly units: { unit: MemoryUnit; key: string }[] = [];
  private readonly index = new Map<string, number[]>();

  constructor(private readonly fold: (text: string) => string = (text) => text) {}

  get size(): number {
    return this.units.length;
  }

  /** Adds units (a unit with an empty source or target is skipped). */
  add(units: Iterable<MemoryUnit>): void {
    for (const unit of units) {
      if (unit.source.trim().length === 0 || unit.target.trim().length === 0) {
        continue;
      }
      const key = this.keyOf(unit.source);
      const id = this.units.push({ unit, key }) - 1;
      for (const pair of new Set(pairs(key))) {
        let list = this.index.get(pair);
        if (!list) {
          list = [];
          this.index.set(pair, list);
        }
        list.push(id);
      }
    }
  }

  /** The matches for `source` at or above `minimum` similarity, best first (exact ones first), at most `limit`. */
  lookup(source: string, limit = 5, minimum = FUZZY_MINIMUM): MemoryMatch[] {
    const key = this.keyOf(source);
    if (key.length === 0) {
      return [];
    }
    const shared = new Map<number, number>();
    for (const pair of new Set(pairs(key))) {
      for (const id of this.index.get(pair) ?? []) {
        shared.set(id, (shared.get(id) ?? 0) + 1);
      }
    }
    const candidates = [...shared.entries()].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES);
    const matches: MemoryMatch[] = [];
    for (const [id] of candidates) {
      const { unit, key: unitKey } = this.units[id]!;
      if (Math.max(unitKey.length, key.length) * minimum > Math.min(unitKey.length, key.length)) {
        continue;
      }
      const differences = diff(unitKey, key) as MemoryDifference[];
      const same = differences.reduce((n, [op, text]) => n + (op === 0 ? text.length : 0), 0);
      const similarity = same / Math.max(unitKey.length, key.length);
      if (similarity >= minimum) {
        matches.push({ unit, similarity, differences });
      }
    }
    return matches.sort((a, b) => b.similarity - a.similarity).slice(0, limit);
  }

  private keyOf(text: string): string {
    return this.fold(text).replace(/\s/gu, '');
  }
}

/** The text's pairs of adjacent characters (UTF-16 units), or the text itself when shorter. */
function pairs(text: string): string[] {
  if (text.length < 2) {
    return [text];
  }
  const result: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) {
    result.push(text.slice(i, i + 2));
  }
  return result;
}
