/**
 * Reading order and Chinese typesetting for text taken from a PDF's text layer (pdfText.ts reads
 * the items with pdf.js through unpdf). The rules, in order:
 *
 * 1. **Items.** Each item is a run of text at a baseline, with its font size; rotated items (and
 *    runs of a vertical font) are counted, and a page mostly of them is reported as vertical (not
 *    supported), not guessed at; a few rotated runs on a page (a sideways caption) are left out.
 * 2. **Fake bold.** A run drawn twice at a small offset (less than a fifth of its size: how some
 *    layouts embolden a caption) is kept once.
 * 3. **Fragments.** Items on one baseline (within half a size) join into fragments, left to right; a
 *    horizontal gap of more than 1.2 sizes starts another fragment (the gutter between two columns;
 *    an ideographic space is one size); a gap of half a size or more is a space, and so is one of a
 *    fifth between two runs that are not Chinese (Latin words).
 * 4. **Running headers and footers.** A fragment in the top or bottom 8% of its page is left out
 *    when the same short text (digits aside) stands at the same place on at least two pages, or
 *    when it is a page number.
 * 5. **Regions: recursive XY-cut** (Nagy and Seth, 1984). A region's fragments are cut where a band
 *    of white space crosses all of them: first down a vertical gap of 1.2 sizes or more (columns,
 *    left to right), else across the widest horizontal gap that is clearly wider than the region's
 *    line spacing (at least 0.9 sizes, and 1.5 times its usual gap between lines: a headline above
 *    its columns, paragraphs apart, top to bottom); a region no gap cuts is a block. A headline that
 *    spans the columns leaves no vertical gap across it, so it is cut off first and stays whole, and
 *    two columns never interleave.
 * 6. **Paragraphs.** Within a block, a line indented by more than 1.5 sizes from the block's left
 *    edge starts a new paragraph (Chinese paragraphs are indented two characters). A block that
 *    goes on from the previous one (a column's text running on into the next: the previous block of
 *    the page had two lines or more in the same size and ended mid-sentence, and this one's first
 *    line is not indented) continues its last paragraph.
 * 7. **Joining lines.** Lines of a paragraph join without a space where either side is Chinese, with
 *    one otherwise (English text keeps its spaces); a hyphen ending a line between Latin letters is
 *    removed when the joined word occurs elsewhere in the text, or the next part starts with a
 *    capital (Deep-⏎Seek → DeepSeek) and the hyphenated form occurs nowhere else, and kept
 *    otherwise (state-of-⏎the-art). Letter-spaced Han text (美 國 商 務 部) loses its spaces; a
 *    single space between Han words (a dateline's) is the text's own and stays.
 *
 * Coordinates are PDF points, y growing upwards from the bottom of the page, as pdf.js gives them.
 */

/** A run of text of a page's text layer. */
export interface PdfTextItem {
  readonly text: string;
  /** Baseline start, PDF points from the page's bottom-left corner. */
  readonly x: number;
  readonly y: number;
  /** Advance width of the run and its font size, in points. */
  readonly width: number;
  readonly size: number;
  /** Drawn rotated, or in a vertical font: vertical text, or a sideways caption. */
  readonly rotated?: boolean;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfTextItem[];
}

export interface PdfLayoutResult {
  /** Each page's paragraphs, in reading order. */
  readonly pages: readonly (readonly string[])[];
  /** Pages of mostly vertical text (1-based): their text is left out, not guessed at. */
  readonly verticalPages: readonly number[];
  /** Runs left out as fake bold, and as running headers, footers and page numbers. */
  readonly doubled: number;
  readonly furniture: number;
}

/** A fragment: text on one baseline, with its box (top-down y: `top` is the distance from the page's top). */
interface Fragment {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  size: number;
}

/** A paragraph: its lines, top to bottom. */
interface Paragraph {
  readonly lines: string[];
}

/** Chinese (and Japanese) script and full-width forms: no space is put next to them. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
const BAND = 0.08;
/** Columns are at least this many sizes apart; a fragment's runs less (rules 3 and 5). */
const GUTTER = 1.2;
/** The end of a sentence, closing quotes and brackets after it allowed. */
const SENTENCE_END = /[。！？!?.…][」』”’）)》]*$/u;

/** The pages' text in reading order, as paragraphs (rules at the top of this module). */
export function layOutPdf(pages: readonly PdfPage[]): PdfLayoutResult {
  let doubled = 0;
  const verticalPages: number[] = [];
  const fragmentsByPage = pages.map((page, index) => {
    const rotated = page.items.filter((i) => i.rotated && i.text.trim()).length;
    const upright = page.items.filter((i) => !i.rotated && i.text.trim());
    if (rotated > upright.length) {
      verticalPages.push(index + 1);
      return [];
    }
    const kept = withoutDoubles(upright);
    doubled += upright.length - kept.length;
    return fragmentsOf(kept, page.height);
  });
  const furnitureKeys = runningFurniture(fragmentsByPage, pages);
  let furniture = 0;
  const paragraphsByPage = fragmentsByPage.map((fragments, index) => {
    const page = pages[index]!;
    const body = fragments.filter((f) => {
      const out = isInMargin(f, page.height) && (furnitureKeys.has(furnitureKey(f, page.height)) || /^\s*[-–—]?\s*\d{1,4}\s*[-–—]?\s*$/.test(f.text));
      furniture += out ? 1 : 0;
      return !out;
    });
    return paragraphsOfPage(xyCut(body));
  });
  const text = paragraphsByPage.flat().map((p) => p.lines.join('\n')).join('\n');
  const words = new Set((text.match(/\p{Script=Latin}+/gu) ?? []).map((w) => w.toLowerCase()));
  const hyphenated = new Set((text.match(/\p{Script=Latin}+-\p{Script=Latin}+/gu) ?? []).map((w) => w.toLowerCase()));
  return {
    pages: paragraphsByPage.map((paragraphs) => paragraphs.map((p) => joinLines(p.lines, words, hyphenated))),
    verticalPages,
    doubled,
    furniture,
  };
}

/** Rule 2: a run repeated at less than a fifth of its size from an earlier one is dropped (runs indexed by text, so a page of many is no quadratic work). */
function withoutDoubles(items: readonly PdfTextItem[]): PdfTextItem[] {
  const kept: PdfTextItem[] = [];
  const byText = new Map<string, PdfTextItem[]>();
  for (const item of items) {
    const same = byText.get(item.text) ?? [];
    if (same.some((k) => Math.abs(k.x - item.x) < item.size * 0.2 && Math.abs(k.y - item.y) < item.size * 0.2)) {
      continue;
    }
    same.push(item);
    byText.set(item.text, same);
    kept.push(item);
  }
  return kept;
}

/** Rule 3: items into fragments, by baseline (a sweep from the top) then left to right, cut at wide gaps. */
function fragmentsOf(items: readonly PdfTextItem[], pageHeight: number): Fragment[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) < Math.max(line[0]!.size, item.size) * 0.5) {
      line.push(item);
    } else {
      lines.push([item]);
    }
  }
  const fragments: Fragment[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: Fragment | undefined;
    for (const item of line) {
      const gap = current ? item.x - current.right : 0;
      if (!current || gap > item.size * GUTTER) {
        current = { text: item.text, left: item.x, right: item.x + item.width, top: pageHeight - item.y - item.size, bottom: pageHeight - item.y, size: item.size };
        fragments.push(current);
        continue;
      }
      const before = current.text.at(-1) ?? '';
      const after = item.text[0] ?? '';
      const space = gap >= item.size * 0.5 || (gap > item.size * 0.2 && !CJK.test(before) && !CJK.test(after)) ? ' ' : '';
      current.text += space + item.text;
      current.right = Math.max(current.right, item.x + item.width);
      current.top = Math.min(current.top, pageHeight - item.y - item.size);
      current.size = Math.max(current.size, item.size);
    }
  }
  return fragments;
}

const isInMargin = (f: Fragment, pageHeight: number) => f.top < pageHeight * BAND || f.bottom > pageHeight * (1 - BAND);
/** Where a margin fragment stands (to 4 points) and its text with digits as #: the same on two pages is furniture; long texts never are. */
const furnitureKey = (f: Fragment, pageHeight: number) =>
  f.text.length > 40 ? '' : `${Math.round(f.top / 4)}:${Math.round(f.left / 4)}:${f.bottom > pageHeight / 2 ? 'foot' : 'head'}:${f.text.replace(/\d+/g, '#').trim()}`;

/** Rule 4: the keys of margin fragments that recur (same place, same text but digits) on two pages or more. */
function runningFurniture(fragmentsByPage: readonly Fragment[][], pages: readonly PdfPage[]): Set<string> {
  const pagesWith = new Map<string, number>();
  fragmentsByPage.forEach((fragments, index) => {
    const keys = new Set(fragments.filter((f) => isInMargin(f, pages[index]!.height)).map((f) => furnitureKey(f, pages[index]!.height)));
    keys.forEach((k) => k && pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1));
  });
  return new Set([...pagesWith].filter(([, n]) => n >= 2).map(([k]) => k));
}

/** Rule 5: recursive XY-cut into blocks, in reading order. */
function xyCut(fragments: readonly Fragment[]): Fragment[][] {
  if (fragments.length <= 1) {
    return fragments.length === 0 ? [] : [[...fragments]];
  }
  const size = median(fragments.map((f) => f.size));
  const vertical = widestGap(fragments.map((f) => [f.left, f.right] as const), size * GUTTER);
  if (vertical) {
    const left = fragments.filter((f) => f.right <= vertical.at);
    const right = fragments.filter((f) => f.left >= vertical.at);
    return [...xyCut(left), ...xyCut(right)];
  }
  const horizontal = widestGap(fragments.map((f) => [f.top, f.bottom] as const), Math.max(size * 0.9, lineGap(fragments) * 1.5));
  if (horizontal) {
    const above = fragments.filter((f) => f.bottom <= horizontal.at);
    const below = fragments.filter((f) => f.top >= horizontal.at);
    return [...xyCut(above), ...xyCut(below)];
  }
  return [[...fragments]];
}

/**
 * The white space between consecutive lines of a region's text: the narrowest gap (points; 0 for one
 * line). The median was no measure: in a region of a headline, two lines and a caption, most gaps
 * are the ones to cut at.
 */
function lineGap(fragments: readonly Fragment[]): number {
  const sorted = [...fragments].sort((a, b) => a.top - b.top);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]!.top - sorted[i - 1]!.bottom;
    if (gap > 0) {
      gaps.push(gap);
    }
  }
  return gaps.length === 0 ? 0 : Math.min(...gaps);
}

/** The widest gap at least `minimum` wide in the projection of `spans` on one axis, by its middle. */
function widestGap(spans: readonly (readonly [number, number])[], minimum: number): { at: number } | undefined {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let reach = sorted[0]![1];
  let best: { at: number; width: number } | undefined;
  for (const [start, end] of sorted.slice(1)) {
    const width = start - reach;
    if (width >= minimum && (!best || width > best.width)) {
      best = { at: reach + width / 2, width };
    }
    reach = Math.max(reach, end);
  }
  return best;
}

/** Rule 6: the page's blocks as paragraphs, a block that runs on from the previous one continuing it. */
function paragraphsOfPage(blocks: readonly Fragment[][]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let previous: { lines: number; size: number } | undefined;
  for (const block of blocks) {
    const lines = [...block].sort((a, b) => a.top - b.top || a.left - b.left);
    const left = Math.min(...lines.map((l) => l.left));
    const last = paragraphs.at(-1);
    const runsOn =
      previous !== undefined && last !== undefined && previous.lines >= 2 && Math.abs(previous.size - lines[0]!.size) < 0.5 && !SENTENCE_END.test(last.lines.at(-1)!.trim());
    lines.forEach((line, i) => {
      const indented = line.left - left > line.size * 1.5;
      if (i === 0 ? !runsOn || indented : indented) {
        paragraphs.push({ lines: [] });
      }
      paragraphs.at(-1)!.lines.push(line.text);
    });
    previous = { lines: lines.length, size: median(lines.map((l) => l.size)) };
  }
  return paragraphs;
}

/** Rule 7: a paragraph's lines as one line. `words`, `hyphenated`: the text's Latin words and hyphenated words, lower case. */
function joinLines(lines: readonly string[], words: ReadonlySet<string>, hyphenated: ReadonlySet<string>): string {
  let text = '';
  for (const raw of lines) {
    const line = dropHanSpaces(raw.trim());
    if (!text) {
      text = line;
      continue;
    }
    const broken = /(\p{Script=Latin}+)-$/u.exec(text);
    const next = /^\p{Script=Latin}+/u.exec(line)?.[0];
    if (broken && next) {
      const joined = `${broken[1]}${next}`.toLowerCase();
      const oneWord = words.has(joined) || (/^\p{Lu}/u.test(next) && !hyphenated.has(`${broken[1]}-${next}`.toLowerCase()));
      text = oneWord ? text.slice(0, -1) + line : text + line;
      continue;
    }
    const space = !CJK.test(text.at(-1) ?? '') && !CJK.test(line[0] ?? '') ? ' ' : '';
    text += space + line;
  }
  return text;
}

/**
 * Letter-spaced Han text (a space after every character, as justified or spaced-out headlines come out
 * of some extractors: 美 國 商 務 部) without its spaces. A single space between Han words is kept:
 * it is the text's own (a dateline's: 香港文匯報訊 綜合媒體消息; a headline's two parts).
 */
function dropHanSpaces(line: string): string {
  return line.replace(/\p{Script=Han}(?:[ \u3000]+\p{Script=Han}(?![^\s\p{P}])){3,}/gu, (run) => run.replace(/[ \u3000]+/g, ''));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
