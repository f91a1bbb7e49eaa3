import { HAN } from '../text/characters';
import { entryForms, GlossaryEntry, ORIGIN_PRECEDENCE } from './glossaryEntry';
import { VariantFolding } from './variantCharacters';

/** A term found in a text: [start, end) in UTF-16 code units. */
export interface TermHit {
  readonly start: number;
  readonly end: number;
  readonly entry: GlossaryEntry;
}

interface Node {
  readonly next: Map<number, Node>;
  entry?: GlossaryEntry;
}

const DIGIT = /[0-9０-９]/;
const FOLDING = new VariantFolding();

/** Folds a UTF-16 code unit for matching: variant characters to one form, ASCII letters to lower case. */
function foldCode(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : FOLDING.fold(code);
}

/** An ASCII letter or digit: a Latin term matches only as a whole word (H20 not inside H200, EAR not in YEAR). */
function isAsciiWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Where words start and end, for choosing between overlapping terms (對華為: 對華 "towards China"
 * or 華為 Huawei). `isBoundary(text, offset)` says whether a word boundary lies at UTF-16 `offset`.
 */
export interface WordBoundaries {
  isBoundary(text: string, offset: number): boolean;
}

/**
 * Finds glossary terms in text, longest first and without overlaps (不可靠實體清單 wins over
 * 實體清單), in one pass: from each position the trie of every entry's forms is walked as far as the
 * text allows; the walk is bounded by the longest term, so scanning is linear in the text.
 * - Variant characters match each other (variantCharacters.ts: 華爲 finds 華為, 關税 finds 關稅),
 *   and Latin letters match in any case (Nvidia, NVIDIA); a term that starts or ends with a Latin
 *   letter or digit matches only as a whole word there (H20 is not found in H200, nor EAR in YEAR).
 * - Spaces inside a term are skipped next to a digit (`301 調查` matches 301調查) and between two
 *   Han characters (PDF extraction's `實體 清單`).
 * - When a term overlaps a later one (對華 and 華為 in 對華為), the one that starts and ends on word
 *   boundaries wins, if the matcher was given `WordBoundaries`; otherwise, or if both or neither do,
 *   the leftmost.
 */
export class TermMatcher {
  private readonly root: Node = { next: new Map() };
  /** 1 for each folded code unit that starts a term: one typed-array read rules out most positions. */
  private readonly starts = new Uint8Array(0x10000);
  readonly size: number;

  /** @param boundaries word boundaries for choosing between overlapping terms; leftmost wins without them */
  constructor(
    entries: Iterable<GlossaryEntry>,
    private readonly boundaries?: WordBoundaries,
  ) {
    let size = 0;
    for (const entry of entries) {
      for (const form of entryForms(entry)) {
        const node = this.insert(form);
        if (!node.entry || rank(entry) < rank(node.entry)) {
          node.entry = entry;
        }
      }
      size++;
    }
    this.size = size;
  }

  /**
   * The terms of [start, end), leftmost-longest, an overlap settled by word boundaries (see the
   * class); `setAside`, when given, receives each term an overlap displaced (對華 beside 華為).
   */
  findAll(text: string, start = 0, end = text.length, setAside?: TermHit[]): TermHit[] {
    const boundaries = this.boundaries;
    const hits: TermHit[] = [];
    const starts = this.starts;
    let i = start;
    while (i < end) {
      // Most characters start no term: one typed-array read rules them out.
      if (starts[foldCode(text.charCodeAt(i))] === 0) {
        i++;
        continue;
      }
      const hit = this.matchAt(text, i, end);
      if (!hit) {
        i++;
        continue;
      }
      const better = boundaries ? this.overlappingWord(text, hit, end, boundaries) : undefined;
      if (better) {
        setAside?.push(hit);
      }
      hits.push(better ?? hit);
      i = (better ?? hit).end;
    }
    return hits;
  }

  /** The terms that start inside `hit` and end after it, in order (在 對華為: 華為 after 對華). */
  *overlapsAfter(text: string, hit: TermHit, end = text.length): Generator<TermHit> {
    for (let j = hit.start + 1; j < hit.end; j++) {
      const later = this.matchAt(text, j, end);
      if (later && later.end > hit.end) {
        yield later;
      }
    }
  }

  /** A term starting inside `hit` and ending after it that is a word where `hit` is not. */
  private overlappingWord(text: string, hit: TermHit, end: number, boundaries: WordBoundaries): TermHit | undefined {
    const found = this.overlapsAfter(text, hit, end).next().value;
    if (!found) {
      return undefined;
    }
    const isWord = (h: TermHit) => boundaries.isBoundary(text, h.start) && boundaries.isBoundary(text, h.end);
    return !isWord(hit) && isWord(found) ? found : undefined;
  }

  /** The longest term starting exactly at `position`. */
  matchAt(text: string, position: number, end = text.length): TermHit | undefined {
    if (position > 0 && isAsciiWordCode(text.charCodeAt(position)) && isAsciiWordCode(text.charCodeAt(position - 1))) {
      return undefined;
    }
    let node: Node | undefined = this.root;
    let bestEnd = -1;
    let bestEntry: GlossaryEntry | undefined;
    let j = position;
    while (j < end && node) {
      const code = text.charCodeAt(j);
      const child: Node | undefined = node.next.get(foldCode(code));
      if (!child && j > position && isSpace(code) && this.spaceMayBeSkipped(text, position, j, end)) {
        j++;
        continue;
      }
      node = child;
      j++;
      if (node?.entry && !(j < text.length && isAsciiWordCode(text.charCodeAt(j)) && isAsciiWordCode(text.charCodeAt(j - 1)))) {
        bestEnd = j;
        bestEntry = node.entry;
      }
    }
    return bestEntry ? { start: position, end: bestEnd, entry: bestEntry } : undefined;
  }

  private spaceMayBeSkipped(text: string, start: number, at: number, end: number): boolean {
    let after = at;
    while (after < end && isSpace(text.charCodeAt(after))) {
      after++;
    }
    const before = text[at - 1]!;
    const next = after < end ? text[after]! : '';
    return DIGIT.test(before) || (DIGIT.test(next) && at > start) || (HAN.test(before) && HAN.test(next));
  }

  private insert(form: string): Node {
    if (form.length > 0) {
      this.starts[foldCode(form.charCodeAt(0))] = 1;
    }
    let node = this.root;
    for (let i = 0; i < form.length; i++) {
      const code = foldCode(form.charCodeAt(i));
      let child = node.next.get(code);
      if (!child) {
        child = { next: new Map() };
        node.next.set(code, child);
      }
      node = child;
    }
    return node;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000;
}

function rank(entry: GlossaryEntry): number {
  return ORIGIN_PRECEDENCE.indexOf(entry.origin);
}
