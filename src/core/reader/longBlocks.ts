import type { ReflowBlock, SourceSegment } from './reflow';

/**
 * Longest block the reader shows whole, in UTF-16 code units. A longer one (a 5 MB file on one line,
 * a novel saved without line breaks) is cut into pieces for display: one row of 1.7 million
 * characters with 330,000 glossary marks took the panel 15 s, while pieces are converted, marked and
 * laid out only near the view, like any other block of a long document.
 */
export const MAX_BLOCK_LENGTH = 8000;

/** Where a piece may end, best first: after a sentence, after a clause, after a space. */
const SENTENCE_END = /[。！？!?；;…]['"」』”’）)》〉]*/gu;
const CLAUSE_END = /[，、,：:\s]/gu;
/** Combining marks (variation selectors among them) and the zero-width joiner. */
const MARK_OR_JOINER = /\p{M}|\u200d/u;
const ZWJ = 0x200d;

/**
 * `blocks` with every block longer than MAX_BLOCK_LENGTH cut into pieces of about that length, each a
 * block of its own kind and source line range with its share of the text, segments, source span and
 * (for the "original line breaks" view) source lines. A piece ends after the last sentence end in its
 * second half, else the last clause mark or space, else at the limit, never inside a surrogate pair
 * or before a combining mark or joiner (a run of them longer than half the limit stays whole, so
 * that piece may be longer). The cut
 * depends on the block's text alone, so reflowing part of a document cuts a block as reflowing all of
 * it does. A block whose lines are not its whole source span (a caption set inside it) is left whole.
 */
export function splitLongBlocks(blocks: ReflowBlock[]): ReflowBlock[] {
  if (blocks.every((b) => b.text.length <= MAX_BLOCK_LENGTH)) {
    return blocks;
  }
  return blocks.flatMap((b) => (b.text.length > MAX_BLOCK_LENGTH ? split(b) : [b]));
}

function split(block: ReflowBlock): ReflowBlock[] {
  const source = block.lines.join('\n');
  if (source.length !== block.endOffset - block.startOffset) {
    return [block];
  }
  const pieces: ReflowBlock[] = [];
  let start = 0;
  let previousEnd = 0;
  let line = block.startLine;
  while (start < block.text.length) {
    const end = block.text.length - start <= MAX_BLOCK_LENGTH ? block.text.length : cutAt(block.text, start);
    const segments = segmentsWithin(block.segments, start, end);
    // Source offsets from the block's start: the first piece from the block's start, the last to its
    // end; between pieces, what no segment covers (a line break, spaces) belongs to neither.
    const sourceStart = pieces.length === 0 ? 0 : (segments[0]?.sourceOffset ?? previousEnd);
    const last = segments[segments.length - 1];
    const sourceEnd = end === block.text.length ? source.length : last ? last.sourceOffset + last.length : sourceStart;
    line += countBreaks(source, previousEnd, sourceStart);
    const breaks = countBreaks(source, sourceStart, sourceEnd);
    pieces.push({
      kind: block.kind,
      startLine: line,
      endLine: line + breaks,
      startOffset: block.startOffset + sourceStart,
      endOffset: block.startOffset + sourceEnd,
      text: block.text.slice(start, end),
      lines: source.slice(sourceStart, sourceEnd).split('\n'),
      segments: segments.map((s) => ({ ...s, sourceOffset: s.sourceOffset - sourceStart })),
      ...(pieces.length > 0 ? { continuesPrevious: true as const } : {}),
    });
    line += breaks;
    start = end;
    previousEnd = sourceEnd;
  }
  return pieces;
}

/** Where the piece starting at `start` ends (see splitLongBlocks). */
function cutAt(text: string, start: number): number {
  const limit = start + MAX_BLOCK_LENGTH;
  const half = start + MAX_BLOCK_LENGTH / 2;
  const window = text.slice(half, limit);
  for (const pattern of [SENTENCE_END, CLAUSE_END]) {
    let last = -1;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(window); m; m = pattern.exec(window)) {
      last = m.index + m[0].length;
    }
    if (last > 0) {
      return safeCut(text, half + last, half);
    }
  }
  return safeCut(text, limit, half);
}

/**
 * `at`, moved back (not below `floor`) off a low surrogate, a combining mark or a joiner (or from just
 * after a joiner); when a run of
 * marks reaches back past `floor`, moved forward past the run instead: one long run (Zalgo text) stays
 * in one piece, where the panel cuts it for display behind a single marker.
 */
function safeCut(text: string, at: number, floor: number): number {
  // At a code point, not a code unit: supplementary variation selectors (U+E0100…) are marks too.
  const inside = (i: number) =>
    isLowSurrogate(text.charCodeAt(i)) || MARK_OR_JOINER.test(String.fromCodePoint(text.codePointAt(i) ?? 32)) || text.charCodeAt(i - 1) === ZWJ;
  let cut = at;
  while (cut > floor && inside(cut)) {
    cut--;
  }
  if (cut > floor) {
    return cut;
  }
  cut = at;
  while (cut < text.length && inside(cut)) {
    cut++;
  }
  return cut;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The parts of `segments` inside text [start, end), with text offsets from `start` (source offsets unchanged). */
function segmentsWithin(segments: readonly SourceSegment[], start: number, end: number): SourceSegment[] {
  const within: SourceSegment[] = [];
  for (const s of segments) {
    const from = Math.max(s.textStart, start);
    const to = Math.min(s.textStart + s.length, end);
    if (to > from) {
      within.push({ textStart: from - start, sourceOffset: s.sourceOffset + (from - s.textStart), length: to - from });
    }
  }
  return within;
}

/** Line breaks in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    count += text.charCodeAt(i) === 10 ? 1 : 0;
  }
  return count;
}
