import { convertLines } from '../conversion/chunkedConversion';
import type { BlockOutline, RenderedBlock } from './renderedBlock';
import { OffsetMap } from './offsetMap';
import type { EditSpan } from './editSpan';
import { reflowIncrementally } from './incrementalReflow';
import { reflow, ReflowBlock } from './reflow';

/**
 * Adds decorations (glossary terms, readings, notes) to a block's two columns; `map` is the block's
 * original ↔ converted offset map, computed once per block.
 */
export type BlockDecorator = (original: string, converted: string, block: ReflowBlock, map: OffsetMap) => Pick<RenderedBlock, 'terms' | 'ruby' | 'notes' | 'words'>;

export interface ReaderPatch {
  readonly start: number;
  readonly deleteCount: number;
  /** The new blocks, rendered; empty when `outlines` stands for them instead. */
  readonly blocks: readonly RenderedBlock[];
  /** The new blocks' outlines, when they were too long to render at once (a long document only). */
  readonly outlines?: readonly BlockOutline[];
  /** How many lines the blocks after the patch moved. */
  readonly lineShift: number;
}

/** Characters of changed blocks rendered with an edit in a long document; beyond, their outlines go. */
const PATCH_RENDER_CHARACTERS = 64 * 1024;

/**
 * The reader panel's view of one document: reflowed blocks with their conversions. A short document
 * is rendered whole, a chunk at a time ({@link renderNext}); a long one is rendered where the panel
 * asks ({@link renderRange}: the blocks near its viewport), and the rest is known by outline alone.
 * Updating it with new text yields the smallest patch: blocks before and after the edit are reused
 * as they were (moved when lines were added or removed), only the blocks in between are converted
 * again — or, in a long document, sent as outlines when they are many.
 */
export class ReaderModel {
  private reflowed: ReflowBlock[] = [];
  private text = '';
  /** Rendered blocks by index; a hole is a block the panel has not been sent. */
  private rendered: (RenderedBlock | undefined)[] = [];
  /** Converted text of blocks not rendered, kept once a search converted them. */
  private searchConversions: (string | undefined)[] = [];
  private renderedCount = 0;
  /** Lines of `text`, counted when first needed (an update): a 20 MB novel's take about 20 ms. */
  private lineCount: number | undefined;

  constructor(
    private readonly convert: (text: string) => string,
    private readonly showLineBreaks: boolean,
    private readonly decorate?: BlockDecorator,
  ) {}

  /** Rendered blocks by index (undefined where a block has not been rendered). */
  get blocks(): readonly (RenderedBlock | undefined)[] {
    return this.rendered;
  }

  get sourceBlocks(): readonly ReflowBlock[] {
    return this.reflowed;
  }

  /** Number of blocks. */
  get length(): number {
    return this.reflowed.length;
  }

  /** True once every block has been rendered. */
  get complete(): boolean {
    return this.renderedCount === this.reflowed.length;
  }

  /** The rendered block `index`, or undefined when it has not been rendered (or does not exist). */
  block(index: number): RenderedBlock | undefined {
    return this.rendered[index];
  }

  /**
   * Starts over on `text`: reflows it and renders nothing yet; {@link renderNext} or {@link renderRange}
   * then render it. `reflowed`, when given, is `text` reflowed already (reflowInSlices), or its first
   * blocks only, to render the first screen while the rest is reflowed: a later reset keeps the
   * rendering of leading blocks that are the same objects as before. Returns the number of blocks.
   */
  reset(text: string, reflowed: ReflowBlock[] = reflow(text)): number {
    const before = this.reflowed;
    const kept = this.rendered;
    this.reflowed = reflowed;
    this.text = text;
    this.rendered = new Array<RenderedBlock | undefined>(reflowed.length);
    this.searchConversions = new Array<string | undefined>(reflowed.length);
    this.renderedCount = 0;
    for (let i = 0; i < Math.min(before.length, reflowed.length) && before[i] === reflowed[i] && kept[i]; i++) {
      this.rendered[i] = kept[i];
      this.renderedCount++;
    }
    this.lineCount = undefined;
    return this.reflowed.length;
  }

  /** The outlines of blocks `start` on, in order. */
  outlines(start = 0): BlockOutline[] {
    return this.reflowed.slice(start).map((block) => this.outline(block));
  }

  /**
   * Renders the blocks after the last one rendered in order, about `budget` characters of text;
   * `start` is the first block's index.
   */
  renderNext(budget: number): { start: number; blocks: RenderedBlock[]; done: boolean } {
    let start = 0;
    while (start < this.rendered.length && this.rendered[start]) {
      start++;
    }
    const blocks: RenderedBlock[] = [];
    let used = 0;
    for (let i = start; i < this.reflowed.length && !this.rendered[i] && (used < budget || blocks.length === 0); i++) {
      const block = this.renderAt(i);
      blocks.push(block);
      used += block.original.length;
    }
    return { start, blocks, done: this.complete };
  }

  /**
   * The rendered blocks [start, end) (clamped to the document), rendering those not rendered yet; at
   * most about `budget` characters are rendered, so the result may stop early.
   */
  renderRange(start: number, end: number, budget = Infinity): { start: number; blocks: RenderedBlock[] } {
    const from = Math.max(0, start);
    const blocks: RenderedBlock[] = [];
    let used = 0;
    for (let i = from; i < Math.min(end, this.reflowed.length) && (used < budget || blocks.length === 0); i++) {
      const existing = this.rendered[i];
      const block = existing ?? this.renderAt(i);
      if (!existing) {
        used += block.original.length;
      }
      blocks.push(block);
    }
    return { start: from, blocks };
  }

  /**
   * The text of a column of block `index` as the panel shows it: the original, or its conversion
   * (converted now, and kept, when the block has not been rendered). Used to search blocks that are
   * not rendered.
   */
  columnText(index: number, column: 'original' | 'converted'): string {
    const block = this.reflowed[index];
    if (!block) {
      return '';
    }
    const rendered = this.rendered[index];
    if (rendered) {
      return rendered[column];
    }
    const original = this.originalText(block);
    if (column === 'original') {
      return original;
    }
    return (this.searchConversions[index] ??= this.convertText(original));
  }

  /**
   * Renders again, as one patch each, the rendered blocks that overlap any of `ranges` (UTF-16 source
   * offsets of the current text): their decorations changed (notes added, moved or flagged) while
   * their text did not. Blocks not rendered yet will be rendered with the new decorations anyway.
   */
  rerenderOverlapping(ranges: readonly { readonly start: number; readonly end: number }[]): Omit<ReaderPatch, 'outlines'>[] {
    if (ranges.length === 0) {
      return [];
    }
    const patches: Omit<ReaderPatch, 'outlines'>[] = [];
    this.reflowed.forEach((block, i) => {
      if (this.rendered[i] && ranges.some((r) => r.start < block.endOffset && r.end > block.startOffset)) {
        const fresh = this.render(block);
        this.rendered[i] = fresh;
        patches.push({ start: i, deleteCount: 1, blocks: [fresh], lineShift: 0 });
      }
    });
    return patches;
  }

  /**
   * Reflows `text` and returns what changed since the last update; `span`, when known, bounds what
   * changed in the text (see extendEditSpan). The changed blocks are rendered, unless `outlineLongChanges`
   * (a long document, whose panel asks for the blocks it shows) and they hold more than 64 K characters:
   * the patch then gives their outlines.
   */
  update(text: string, span?: EditSpan, outlineLongChanges = false): ReaderPatch {
    const reflowed = reflowIncrementally(this.reflowed, this.text, text, span);
    // With a span, only the changed stretch is counted: a 20 MB novel's lines cost milliseconds a keystroke.
    const oldLineCount = (this.lineCount ??= countLines(this.text));
    const lineCount =
      span && span.newEnd - span.oldEnd === text.length - this.text.length
        ? oldLineCount + countLines(text, span.start, span.newEnd) - countLines(this.text, span.start, span.oldEnd)
        : countLines(text);
    const lineShift = lineCount - oldLineCount;
    const old = this.reflowed;
    let prefix = 0;
    const max = Math.min(old.length, reflowed.length);
    while (prefix < max && sameBlock(old[prefix]!, reflowed[prefix]!, 0, this.showLineBreaks)) {
      prefix++;
    }
    let suffix = 0;
    while (suffix < max - prefix && sameBlock(old[old.length - 1 - suffix]!, reflowed[reflowed.length - 1 - suffix]!, lineShift, this.showLineBreaks)) {
      suffix++;
    }
    const middle = reflowed.slice(prefix, reflowed.length - suffix);
    const renderMiddle = !outlineLongChanges || middle.reduce((n, b) => n + b.text.length, 0) <= PATCH_RENDER_CHARACTERS;
    const oldRendered = this.rendered;
    const oldConverted = this.searchConversions;
    const rendered = new Array<RenderedBlock | undefined>(reflowed.length);
    const converted = new Array<string | undefined>(reflowed.length);
    let count = 0;
    for (let i = 0; i < prefix; i++) {
      rendered[i] = oldRendered[i];
      converted[i] = oldConverted[i];
      count += rendered[i] ? 1 : 0;
    }
    const shift = oldRendered.length - reflowed.length;
    for (let i = reflowed.length - suffix; i < reflowed.length; i++) {
      const before = oldRendered[i + shift];
      const block = reflowed[i]!;
      rendered[i] = before && lineShift !== 0 ? { ...before, startLine: block.startLine, endLine: block.endLine } : before;
      converted[i] = oldConverted[i + shift];
      count += rendered[i] ? 1 : 0;
    }
    this.reflowed = reflowed;
    this.text = text;
    this.rendered = rendered;
    this.searchConversions = converted;
    this.renderedCount = count;
    this.lineCount = lineCount;
    const blocks = renderMiddle ? middle.map((_, i) => this.renderAt(prefix + i)) : [];
    return {
      start: prefix,
      deleteCount: old.length - prefix - suffix,
      blocks,
      ...(renderMiddle ? {} : { outlines: middle.map((b) => this.outline(b)) }),
      lineShift,
    };
  }

  private renderAt(index: number): RenderedBlock {
    const block = this.render(this.reflowed[index]!);
    if (!this.rendered[index]) {
      this.renderedCount++;
    }
    this.rendered[index] = block;
    this.searchConversions[index] = undefined;
    return block;
  }

  private render(block: ReflowBlock): RenderedBlock {
    const original = this.originalText(block);
    const converted = this.convertText(original);
    const map = OffsetMap.between(original, converted);
    const changed = map.spans.filter((s) => s.c1 > s.c0).map((s) => [s.c0, s.c1] as const);
    return { kind: block.kind, startLine: block.startLine, endLine: block.endLine, original, converted, changed, ...this.decorate?.(original, converted, block, map) };
  }

  private convertText(original: string): string {
    return this.showLineBreaks ? convertLines(original, this.convert).text : this.convert(original);
  }

  private outline(block: ReflowBlock): BlockOutline {
    const length = this.showLineBreaks ? block.lines.reduce((n, line) => n + line.length + 1, -1) : block.text.length;
    return { kind: block.kind, startLine: block.startLine, endLine: block.endLine, length: Math.max(0, length) };
  }

  private originalText(block: ReflowBlock): string {
    return this.showLineBreaks ? block.lines.join('\n') : block.text;
  }
}

/** Whether two reflowed blocks show the same text on lines `lineShift` apart. */
function sameBlock(old: ReflowBlock, block: ReflowBlock, lineShift: number, showLineBreaks: boolean): boolean {
  if (old.kind !== block.kind || old.startLine + lineShift !== block.startLine || old.endLine + lineShift !== block.endLine || old.text !== block.text) {
    return false;
  }
  return !showLineBreaks || (old.lines.length === block.lines.length && old.lines.every((line, i) => line === block.lines[i]));
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
