import { diffReplacements } from '../conversion/replacements';

/** A span that differs between a text and its conversion: original [o0, o1) became converted [c0, c1). */
export interface ChangedSpan {
  readonly o0: number;
  readonly o1: number;
  readonly c0: number;
  readonly c1: number;
}

/**
 * Maps offsets between a text and its conversion. Phrase conversions change length
 * (tw2sp 記憶體 → 内存), so a position in the converted column is found back in the original
 * through the spans that changed; inside a changed span of another length, offsets map
 * proportionally and never past its end.
 */
export class OffsetMap {
  private constructor(readonly spans: readonly ChangedSpan[]) {}

  static between(original: string, converted: string): OffsetMap {
    const spans: ChangedSpan[] = [];
    let delta = 0;
    for (const r of diffReplacements(original, converted)) {
      spans.push({ o0: r.start, o1: r.end, c0: r.start + delta, c1: r.start + delta + r.text.length });
      delta += r.text.length - (r.end - r.start);
    }
    return new OffsetMap(spans);
  }

  toConverted(offset: number): number {
    return this.map(offset, 'o0', 'o1', 'c0', 'c1');
  }

  toOriginal(offset: number): number {
    return this.map(offset, 'c0', 'c1', 'o0', 'o1');
  }

  private map(offset: number, from0: keyof ChangedSpan, from1: keyof ChangedSpan, to0: keyof ChangedSpan, to1: keyof ChangedSpan): number {
    // The last span starting at or before the offset.
    let lo = 0;
    let hi = this.spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid]![from0] <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found === -1) {
      return offset;
    }
    const span = this.spans[found]!;
    if (offset >= span[from1]) {
      return span[to1] + (offset - span[from1]);
    }
    const fromLength = span[from1] - span[from0];
    const toLength = span[to1] - span[to0];
    return span[to0] + Math.min(toLength, Math.round(((offset - span[from0]) * toLength) / Math.max(1, fromLength)));
  }
}
