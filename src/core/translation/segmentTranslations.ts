import { randomUUID } from 'crypto';
import { Annotation, selectorsFor, TextPositionSelector, TextQuoteSelector, TextRange } from '../annotations/annotation';
import { blockTextToSourceRange } from '../annotations/sourceMapping';
import { anchorAnnotation } from '../annotations/reanchor';
import type { ReflowBlock } from '../reader/reflow';
import { segmentText } from './segmentation';

import type { SegmentState } from './segmentState';

export { SEGMENT_STATES } from './segmentState';
export type { SegmentState } from './segmentState';

/** A sentence of the article to translate: its text as the reader shows it, and where it is in the document. */
export interface ArticleSegment {
  /** Its place in article order, from 0. */
  readonly index: number;
  /** The reader block it is in. */
  readonly block: number;
  /** The sentence as the reader shows it (lines joined, extraction spaces left out). */
  readonly source: string;
  /** Its source range, UTF-16 offsets of the document (from its first to its last character). */
  readonly range: TextRange;
}

/**
 * A translation as it is kept: the translated text, its state, and the source sentence it translates,
 * located by the W3C Web Annotation selectors the notes use, so that it follows its sentence through
 * edits and outside changes.
 */
export interface StoredTranslation {
  /** A UUID. */
  readonly id: string;
  readonly created: string;
  readonly modified: string;
  readonly target: string;
  readonly state: SegmentState;
  readonly selector: readonly [TextQuoteSelector, TextPositionSelector];
}

/** A segment with the translation placed on it, if any. */
export interface AlignedSegment extends ArticleSegment {
  readonly translation?: StoredTranslation;
  /**
   * The translation was made for other source text: its sentence was edited (found by an approximate
   * match) or now runs differently (two sentences joined, one split). Shown as "source changed —
   * review", never silently kept as current.
   */
  readonly sourceChanged: boolean;
}

export interface Alignment {
  readonly segments: readonly AlignedSegment[];
  /** Translations whose source could not be found, or that lost their segment to a newer one: kept and shown. */
  readonly orphans: readonly StoredTranslation[];
}

/**
 * The article's segments in order (segmentation.ts rules, block by block), with their source ranges.
 * A sentence the reflow assembled from pieces of several lines has the range from its first to its
 * last character.
 */
export function articleSegments(blocks: readonly ReflowBlock[]): ArticleSegment[] {
  const segments: ArticleSegment[] = [];
  blocks.forEach((block, blockIndex) => {
    for (const span of segmentText(block.text)) {
      const range = blockTextToSourceRange(block, span);
      if (range) {
        segments.push({ index: segments.length, block: blockIndex, source: block.text.slice(span.start, span.end), range });
      }
    }
  });
  return segments;
}

/**
 * `target` in `state` as the translation of `segment`, saved at `now` (ISO 8601): the id and creation
 * time of the translation it replaces kept (a new UUID otherwise), its source described by the
 * selectors of the sentence as it is in `text` (a translation flagged "source changed" is thereby
 * confirmed on its new sentence).
 */
export function translationFor(text: string, segment: AlignedSegment, target: string, state: SegmentState, now: string): StoredTranslation {
  return {
    id: segment.translation?.id ?? randomUUID(),
    created: segment.translation?.created ?? now,
    modified: now,
    target,
    state,
    selector: segmentSelectors(text, segment),
  };
}

/** The selectors that locate `segment` in `text`, for a translation made now. */
export function segmentSelectors(text: string, segment: ArticleSegment): [TextQuoteSelector, TextPositionSelector] {
  return selectorsFor(text, segment.range);
}

/**
 * Places each stored translation on the segment its source sentence is now: at its stored position if
 * the quote is still there (the common case, checked first: a thousand segments must not mean a
 * thousand searches of the text), else where its sentence occurs exactly once, else where the notes' anchoring finds it (reanchor.ts: exact quote
 * by context, then an approximate match). It goes to the segment it overlaps most; when two land on
 * one segment, the better placed stays (at its position, then by its exact quote, then by an
 * approximate match), between equals the one modified last, and the other becomes an orphan. Nothing
 * is dropped.
 */
export function alignTranslations(text: string, segments: readonly ArticleSegment[], stored: readonly StoredTranslation[]): Alignment {
  const placed = new Map<number, { translation: StoredTranslation; rank: number; fuzzy: boolean }>();
  const orphans: StoredTranslation[] = [];
  const index = new SegmentIndex(segments);
  const ends = new Map(segments.map((s) => [s.range.start, s.range.end]));
  const isSegment = (start: number, end: number) => ends.get(start) === end;
  for (const translation of stored) {
    const found = locate(text, translation, isSegment);
    const segment = found ? index.mostOverlapped(found.range) : undefined;
    if (!found || segment === undefined) {
      orphans.push(translation);
      continue;
    }
    const earlier = placed.get(segment);
    const better = (a: { rank: number; translation: StoredTranslation }, b: { rank: number; translation: StoredTranslation }) =>
      a.rank !== b.rank ? a.rank > b.rank : Date.parse(a.translation.modified) > Date.parse(b.translation.modified);
    const candidate = { translation, rank: found.rank, fuzzy: found.rank === FUZZY };
    if (earlier && !better(candidate, earlier)) {
      orphans.push(translation);
      continue;
    }
    if (earlier) {
      orphans.push(earlier.translation);
    }
    placed.set(segment, candidate);
  }
  return {
    segments: segments.map((segment) => {
      const match = placed.get(segment.index);
      return match
        ? { ...segment, translation: match.translation, sourceChanged: match.fuzzy || match.translation.selector[0].exact !== text.slice(segment.range.start, segment.range.end) }
        : { ...segment, sourceChanged: false };
    }),
    orphans,
  };
}

/** How a translation was placed, best last: an approximate match, its exact quote elsewhere, its position. */
const FUZZY = 0;
const QUOTE = 1;
const POSITION = 2;

function locate(text: string, translation: StoredTranslation, isSegment: (start: number, end: number) => boolean): { range: TextRange; rank: number } | undefined {
  const [quote, position] = translation.selector;
  if (text.slice(position.start, position.end) === quote.exact) {
    return { range: { start: position.start, end: position.end }, rank: POSITION };
  }
  // A sentence is its own evidence: found exactly, once, as a whole segment, it is there, whatever
  // became of the text around it (both neighbours may be edited or gone, which orphans a note's
  // shorter quote). Found inside a longer sentence, it is not (好。 in 我很好。).
  const at = text.indexOf(quote.exact);
  if (at !== -1 && text.indexOf(quote.exact, at + 1) === -1 && isSegment(at, at + quote.exact.length)) {
    return { range: { start: at, end: at + quote.exact.length }, rank: QUOTE };
  }
  const annotation: Annotation = {
    id: translation.id,
    created: translation.created,
    modified: translation.modified,
    body: { note: '', tags: [] },
    target: { selector: [quote, position] },
  };
  const anchored = anchorAnnotation(annotation, text);
  return anchored ? { range: anchored.range, rank: anchored.method === 'fuzzy' ? FUZZY : anchored.method === 'quote' ? QUOTE : POSITION } : undefined;
}

/**
 * The segments by where their ranges start, for finding the one a range overlaps most. A caption set
 * inside a paragraph comes after the paragraph in article order but inside its range, so a sentence
 * that starts earlier may still reach over a range: `reach[k]` is the furthest end among the first k
 * + 1 segments by start, and the search walks back while it passes the range's start.
 */
class SegmentIndex {
  private readonly byStart: number[];
  private readonly reach: number[];

  constructor(private readonly segments: readonly ArticleSegment[]) {
    this.byStart = segments.map((s) => s.index).sort((a, b) => segments[a]!.range.start - segments[b]!.range.start);
    let furthest = 0;
    this.reach = this.byStart.map((i) => (furthest = Math.max(furthest, segments[i]!.range.end)));
  }

  /** The index of the segment `range` overlaps most, the tightest of those that overlap it as much (a caption rather than the sentence around it), or undefined. */
  mostOverlapped(range: TextRange): number | undefined {
    let lo = 0;
    let hi = this.byStart.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[this.byStart[mid]!]!.range.start < range.end) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    let best: ArticleSegment | undefined;
    let bestOverlap = 0;
    for (let k = last; k >= 0 && this.reach[k]! > range.start; k--) {
      const segment = this.segments[this.byStart[k]!]!;
      const overlap = Math.min(range.end, segment.range.end) - Math.max(range.start, segment.range.start);
      const tighter = best !== undefined && overlap === bestOverlap && segment.range.end - segment.range.start < best.range.end - best.range.start;
      if (overlap > bestOverlap || tighter) {
        best = segment;
        bestOverlap = overlap;
      }
    }
    return best?.index;
  }
}
