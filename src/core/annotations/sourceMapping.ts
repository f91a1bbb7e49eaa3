import type { TextRange } from './annotation';
import type { ReflowBlock } from '../reader/reflow';

/**
 * The parts of a block's text that show a source range: a note on 實體 / blank line / 清單 in the
 * source is one stretch of the reflowed text.
 */
export function sourceRangeToBlockText(block: ReflowBlock, range: TextRange): TextRange | undefined {
  let start: number | undefined;
  let end: number | undefined;
  for (const segment of block.segments) {
    const segmentStart = block.startOffset + segment.sourceOffset;
    const from = Math.max(range.start, segmentStart);
    const to = Math.min(range.end, segmentStart + segment.length);
    if (from < to) {
      start ??= segment.textStart + (from - segmentStart);
      end = segment.textStart + (to - segmentStart);
    }
  }
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** The source range shown by [start, end) of a block's text. */
export function blockTextToSourceRange(block: ReflowBlock, range: TextRange): TextRange | undefined {
  let start: number | undefined;
  let end: number | undefined;
  for (const segment of block.segments) {
    const from = Math.max(range.start, segment.textStart);
    const to = Math.min(range.end, segment.textStart + segment.length);
    if (from < to) {
      const base = block.startOffset + segment.sourceOffset - segment.textStart;
      start ??= base + from;
      end = base + to;
    }
  }
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** How far (UTF-16 code units) a sentence is looked for on each side of a quote; beyond, it is cut with "…". */
const SENTENCE_REACH = 300;

/**
 * The sentence of `text` around [start, end): from the previous sentence end to the next one, at
 * most SENTENCE_REACH characters on each side (a text without punctuation — a novel's 300,000-
 * character paragraph — would otherwise be scanned whole for every note), cut with "…".
 */
export function sentenceAround(text: string, range: TextRange): string {
  const ends = /[。！？!?；;]/u;
  let from = range.start;
  while (from > 0 && range.start - from < SENTENCE_REACH && !ends.test(text[from - 1]!)) {
    from--;
  }
  let to = range.end;
  while (to < text.length && to - range.end < SENTENCE_REACH && !ends.test(text[to - 1] ?? '')) {
    to++;
  }
  const cutBefore = from > 0 && !ends.test(text[from - 1]!);
  const cutAfter = to < text.length && !ends.test(text[to - 1] ?? '');
  return `${cutBefore ? '…' : ''}${text.slice(from, to).trim()}${cutAfter ? '…' : ''}`;
}

