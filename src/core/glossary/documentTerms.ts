import { reflow, ReflowBlock } from '../reader/reflow';
import type { GlossaryEntry } from './glossaryEntry';
import type { TermMatcher } from './termMatcher';

/** A source range [start, end). */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

/** A term found in a document; a term broken by a line break has one piece per line. */
export interface DocumentTermHit {
  readonly entry: GlossaryEntry;
  /** The term as it reads once the lines are joined. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly pieces: readonly SourceRange[];
}

/**
 * Glossary terms of a whole document, found in its reflowed blocks, so that the reader panel's
 * rules decide which line breaks a term may cross (實體 / blank line / 清單 is one term; a
 * headline and the paragraph after it are not joined).
 */
export function findDocumentTerms(text: string, matcher: TermMatcher, blocks: readonly ReflowBlock[] = reflow(text)): DocumentTermHit[] {
  const hits: DocumentTermHit[] = [];
  for (const block of blocks) {
    for (const hit of matcher.findAll(block.text)) {
      const pieces = sourcePieces(block, hit.start, hit.end);
      if (pieces.length > 0) {
        hits.push({
          entry: hit.entry,
          text: block.text.slice(hit.start, hit.end),
          start: pieces[0]!.start,
          end: pieces[pieces.length - 1]!.end,
          pieces,
        });
      }
    }
  }
  return hits;
}

/** The hit whose pieces hold the character at `offset`. */
export function termAtOffset(hits: readonly DocumentTermHit[], offset: number): DocumentTermHit | undefined {
  let lo = 0;
  let hi = hits.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const hit = hits[mid]!;
    if (hit.end <= offset) {
      lo = mid + 1;
    } else if (hit.start > offset) {
      hi = mid - 1;
    } else {
      return hit.pieces.some((p) => p.start <= offset && offset < p.end) ? hit : undefined;
    }
  }
  return undefined;
}

function sourcePieces(block: ReflowBlock, start: number, end: number): SourceRange[] {
  const pieces: SourceRange[] = [];
  for (const segment of block.segments) {
    const from = Math.max(start, segment.textStart);
    const to = Math.min(end, segment.textStart + segment.length);
    if (from < to) {
      const sourceStart = block.startOffset + segment.sourceOffset + (from - segment.textStart);
      pieces.push({ start: sourceStart, end: sourceStart + (to - from) });
    }
  }
  return pieces;
}
