import { entryForms, GlossaryEntry, ORIGIN_PRECEDENCE } from './glossaryEntry';

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

/**
 * Finds glossary terms in text, leftmost-longest and without overlaps (不可靠實體清單 wins over
 * 實體清單), in one pass: from each position the trie of every entry's forms is walked as far as the
 * text allows; the walk is bounded by the longest term, so scanning is linear in the text. Spaces
 * next to a digit inside a term are skipped (`301 調查` matches 301調查).
 */
export class TermMatcher {
  private readonly root: Node = { next: new Map() };
  readonly size: number;

  constructor(entries: Iterable<GlossaryEntry>) {
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

  findAll(text: string, start = 0, end = text.length): TermHit[] {
    const hits: TermHit[] = [];
    const first = this.root.next;
    let i = start;
    while (i < end) {
      // Most characters start no term: one map lookup rules them out.
      if (!first.has(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const hit = this.matchAt(text, i, end);
      if (hit) {
        hits.push(hit);
        i = hit.end;
      } else {
        i++;
      }
    }
    return hits;
  }

  /** The longest term starting exactly at `position`. */
  matchAt(text: string, position: number, end = text.length): TermHit | undefined {
    let node: Node | undefined = this.root;
    let bestEnd = -1;
    let bestEntry: GlossaryEntry | undefined;
    let j = position;
    while (j < end && node) {
      const code = text.charCodeAt(j);
      const child: Node | undefined = node.next.get(code);
      if (!child && j > position && isSpace(code) && this.spaceMayBeSkipped(text, position, j, end)) {
        j++;
        continue;
      }
      node = child;
      j++;
      if (node?.entry) {
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
    return DIGIT.test(text[at - 1]!) || (after < end && DIGIT.test(text[after]!) && at > start);
  }

  private insert(form: string): Node {
    let node = this.root;
    for (let i = 0; i < form.length; i++) {
      const code = form.charCodeAt(i);
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
