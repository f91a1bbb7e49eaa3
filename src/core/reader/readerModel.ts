import { convertLines } from '../conversion/chunkedConversion';
import type { RenderedBlock } from './renderedBlock';
import { OffsetMap } from './offsetMap';
import type { EditSpan } from './editSpan';
import { reflowIncrementally } from './incrementalReflow';
import { reflow, ReflowBlock } from './reflow';

/**
 * Adds decorations (glossary terms, readings, notes) to a block's two columns; `map` is the block's
 * original ↔ converted offset map, computed once per block.
 */
export type BlockDecorator = (original: string, converted: string, block: ReflowBlock, map: OffsetMap) => Pick<RenderedBlock, 'terms' | 'ruby' | 'notes'>;

export interface ReaderPatch {
  readonly start: number;
  readonly deleteCount: number;
  readonly blocks: readonly RenderedBlock[];
  /** How many lines the blocks after the patch moved. */
  readonly lineShift: number;
}

/**
 * The reader panel's view of one document: reflowed blocks with their conversions. Updating it
 * with new text yields the smallest patch: blocks before and after the edit are reused as they
 * were (moved when lines were added or removed), only the blocks in between are converted again.
 */
export class ReaderModel {
  private reflowed: ReflowBlock[] = [];
  private text = '';
  private rendered: RenderedBlock[] = [];
  private lineCount = 0;

  constructor(
    private readonly convert: (text: string) => string,
    private readonly showLineBreaks: boolean,
    private readonly decorate?: BlockDecorator,
  ) {}

  get blocks(): readonly RenderedBlock[] {
    return this.rendered;
  }

  get sourceBlocks(): readonly ReflowBlock[] {
    return this.reflowed;
  }

  /** True once every block of the last {@link reset} has been rendered. */
  get complete(): boolean {
    return this.rendered.length === this.reflowed.length;
  }

  /**
   * Starts over on `text`: reflows it and renders nothing yet; {@link renderNext} then renders it
   * a chunk at a time, so that a 5 MB document never blocks for long. Returns the number of blocks.
   */
  reset(text: string): number {
    this.reflowed = reflow(text);
    this.text = text;
    this.rendered = [];
    this.lineCount = countLines(text);
    return this.reflowed.length;
  }

  /** Renders the next blocks, about `budget` characters of text; `start` is the first block's index. */
  renderNext(budget: number): { start: number; blocks: RenderedBlock[]; done: boolean } {
    const start = this.rendered.length;
    let used = 0;
    while (this.rendered.length < this.reflowed.length && (used < budget || this.rendered.length === start)) {
      const block = this.render(this.reflowed[this.rendered.length]!);
      this.rendered.push(block);
      used += block.original.length;
    }
    return { start, blocks: this.rendered.slice(start), done: this.complete };
  }

  /**
   * Renders again, as one patch each, the blocks that overlap any of `ranges` (UTF-16 source offsets
   * of the current text): their decorations changed (notes added, moved or flagged) while their text
   * did not. Nothing before the model is complete.
   */
  rerenderOverlapping(ranges: readonly { readonly start: number; readonly end: number }[]): ReaderPatch[] {
    if (!this.complete || ranges.length === 0) {
      return [];
    }
    const patches: ReaderPatch[] = [];
    this.reflowed.forEach((block, i) => {
      if (ranges.some((r) => r.start < block.endOffset && r.end > block.startOffset)) {
        const fresh = this.render(block);
        this.rendered[i] = fresh;
        patches.push({ start: i, deleteCount: 1, blocks: [fresh], lineShift: 0 });
      }
    });
    return patches;
  }

  /**
   * Reflows `text` and returns what changed since the last complete render; `span`, when known,
   * bounds what changed in the text (see extendEditSpan).
   */
  update(text: string, span?: EditSpan): ReaderPatch {
    const reflowed = reflowIncrementally(this.reflowed, this.text, text, span);
    // With a span, only the changed stretch is counted: a 20 MB novel's lines cost milliseconds a keystroke.
    const lineCount =
      span && span.newEnd - span.oldEnd === text.length - this.text.length
        ? this.lineCount + countLines(text, span.start, span.newEnd) - countLines(this.text, span.start, span.oldEnd)
        : countLines(text);
    const lineShift = lineCount - this.lineCount;
    const old = this.rendered;
    let prefix = 0;
    const max = Math.min(old.length, reflowed.length);
    while (prefix < max && sameBlock(old[prefix]!, reflowed[prefix]!, 0, this.showLineBreaks)) {
      prefix++;
    }
    let suffix = 0;
    while (
      suffix < max - prefix &&
      sameBlock(old[old.length - 1 - suffix]!, reflowed[reflowed.length - 1 - suffix]!, lineShift, this.showLineBreaks)
    ) {
      suffix++;
    }
    const rendered = reflowed.map((block, i) => {
      if (i < prefix) {
        return old[i]!;
      }
      if (i >= reflowed.length - suffix) {
        const before = old[old.length - (reflowed.length - i)]!;
        return lineShift === 0 ? before : { ...before, startLine: block.startLine, endLine: block.endLine };
      }
      return this.render(block);
    });
    this.reflowed = reflowed;
    this.text = text;
    this.rendered = rendered;
    this.lineCount = lineCount;
    return {
      start: prefix,
      deleteCount: old.length - prefix - suffix,
      blocks: rendered.slice(prefix, rendered.length - suffix),
      lineShift,
    };
  }

  private render(block: ReflowBlock): RenderedBlock {
    const original = this.originalText(block);
    const converted = this.showLineBreaks ? convertLines(original, this.convert).text : this.convert(original);
    const map = OffsetMap.between(original, converted);
    const changed = map.spans.filter((s) => s.c1 > s.c0).map((s) => [s.c0, s.c1] as const);
    return { kind: block.kind, startLine: block.startLine, endLine: block.endLine, original, converted, changed, ...this.decorate?.(original, converted, block, map) };
  }

  private originalText(block: ReflowBlock): string {
    return this.showLineBreaks ? block.lines.join('\n') : block.text;
  }
}

function sameBlock(rendered: RenderedBlock, block: ReflowBlock, lineShift: number, showLineBreaks: boolean): boolean {
  return (
    rendered.kind === block.kind &&
    rendered.startLine + lineShift === block.startLine &&
    rendered.endLine + lineShift === block.endLine &&
    rendered.original === (showLineBreaks ? block.lines.join('\n') : block.text)
  );
}

/** Lines of `text` (line breaks + 1); with `from`/`to`, the line breaks in [from, to) alone. */
function countLines(text: string, from?: number, to?: number): number {
  let count = from === undefined ? 1 : 0;
  const end = to ?? text.length;
  for (let i = text.indexOf('\n', from ?? 0); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    count++;
  }
  return count;
}
