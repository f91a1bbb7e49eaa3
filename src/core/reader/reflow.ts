/**
 * Reflow of text extracted from PDF pages into readable blocks. The extraction breaks lines at the
 * column edge, puts blank lines inside sentences (page and column breaks, double-spaced boxes),
 * keeps headlines and captions between paragraphs, and prints bold captions twice. The rules,
 * in the order they are tried for each line:
 *
 * 1. A line starting with ● opens a caption (a byline when it names a 記者 reporter); the caption
 *    runs to the next blank line. A caption opening with ●● was set in bold and every run of it was
 *    extracted twice (`●●20242024年…`): each line is undoubled when it splits exactly into doubled runs.
 * 2. A headline is a line with no sentence punctuation in it (，。、；！？), not ending a sentence and
 *    leaving no quotation open, that follows a blank line or another headline, after a finished
 *    paragraph. A leading dateline
 *    (`香港文匯報訊 …`) or a short column label followed by text (`文匯觀察 中美…`) starts a paragraph
 *    instead: in print they open the paragraph they stand in.
 * 3. Blank lines say nothing else: they fall mid-sentence. A paragraph ends after a line that ends a
 *    sentence (。！？… and closing quotes) when that line stops short of the column's width, or when the
 *    next line is indented (shorter than the column: print indents a paragraph's first line). The
 *    column width is the widest of the nearby lines, so that boxes of other widths reflow too.
 * 4. Lines of a block are joined without a space, except between two Latin letters or digits.
 *
 * Reflow never changes the document: blocks keep their source line range and, for every piece of
 * their text, where it came from.
 */

export type BlockKind = 'paragraph' | 'headline' | 'caption' | 'byline';

/**
 * A piece of block text copied from the source: text[textStart, textStart + length) is the source
 * from `block.startOffset + sourceOffset` (relative, so that a block moved by an edit elsewhere keeps
 * its segments).
 */
export interface SourceSegment {
  readonly textStart: number;
  readonly sourceOffset: number;
  readonly length: number;
}

export interface ReflowBlock {
  readonly kind: BlockKind;
  /** First and last source line (0-based, inclusive), blank lines inside the block included. */
  readonly startLine: number;
  readonly endLine: number;
  /** Source offsets of the start of the first line and of the end of the last line. */
  readonly startOffset: number;
  readonly endOffset: number;
  /** The readable text. */
  readonly text: string;
  /** The block's source lines, as written (for the "original line breaks" view). */
  readonly lines: readonly string[];
  readonly segments: readonly SourceSegment[];
}

interface Line {
  readonly index: number;
  /** Offset of the line's first character in the source. */
  readonly offset: number;
  readonly raw: string;
  /** Content without surrounding white space, and where it starts within raw. */
  readonly content: string;
  readonly contentStart: number;
  readonly width: number;
}

const SENTENCE_END = /[。！？!?…；][」』”’）)》〉]*$|[」』”][。！？]?$/u;
const INNER_PUNCTUATION = /[，。、；！？,;]/u;
const DATELINE = /^\S{1,10}(報訊|报讯|電|电)[\s（(]/u;
const COLUMN_LABEL = /^[^\s，。、；：:「」]{2,6}\s+\S/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
/** How much shorter than the column (in CJK characters) a line must be to stop short or be indented. */
const SHORT_BY = 1;
/** Lines on each side that define a column's width. */
const WIDTH_WINDOW = 3;

export function reflow(source: string): ReflowBlock[] {
  const lines = splitLines(source);
  const text = lines.filter((l) => l.content.length > 0);
  const columnWidth = new Map<number, number>();
  text.forEach((line, i) => {
    let width = 0;
    for (let j = Math.max(0, i - WIDTH_WINDOW); j <= Math.min(text.length - 1, i + WIDTH_WINDOW); j++) {
      width = Math.max(width, text[j]!.width);
    }
    columnWidth.set(line.index, width);
  });
  const isShort = (line: Line) => (columnWidth.get(line.index) ?? 0) - line.width >= SHORT_BY;

  const blocks: ReflowBlock[] = [];
  let current: { kind: BlockKind; lines: Line[]; doubled: boolean } | undefined;
  let blankBefore = true;
  let previous: Line | undefined;

  const close = () => {
    if (current) {
      blocks.push(buildBlock(current.kind, current.lines, current.doubled, lines));
      current = undefined;
    }
  };

  for (const line of lines) {
    if (line.content.length === 0) {
      blankBefore = true;
      if (current && (current.kind === 'caption' || current.kind === 'byline')) {
        close();
      }
      continue;
    }
    const content = line.content;
    const afterFinished =
      !current ||
      current.kind !== 'paragraph' ||
      (previous !== undefined && SENTENCE_END.test(previous.content) && (isShort(previous) || isShort(line)));
    if (content.startsWith('●')) {
      close();
      current = { kind: /記者|记者/u.test(content) ? 'byline' : 'caption', lines: [line], doubled: content.startsWith('●●') };
    } else if (current && (current.kind === 'caption' || current.kind === 'byline')) {
      current.lines.push(line);
    } else if (
      (blankBefore || blocks[blocks.length - 1]?.kind === 'headline') &&
      afterFinished &&
      !INNER_PUNCTUATION.test(content) &&
      !SENTENCE_END.test(content) &&
      !DATELINE.test(content) &&
      !COLUMN_LABEL.test(content) &&
      !opensQuotation(content)
    ) {
      close();
      blocks.push(buildBlock('headline', [line], false, lines));
    } else if (current && !afterFinished) {
      current.lines.push(line);
    } else {
      close();
      current = { kind: 'paragraph', lines: [line], doubled: false };
    }
    blankBefore = false;
    previous = line;
  }
  close();
  return blocks;
}

/** A quotation opened and not closed on the line: its sentence goes on, so it is no headline. */
function opensQuotation(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if ('「『“《（('.includes(ch)) {
      depth++;
    } else if ('」』”》）)'.includes(ch)) {
      depth--;
    }
  }
  return depth > 0;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let index = 0;
  while (offset <= source.length) {
    let end = source.indexOf('\n', offset);
    if (end === -1) {
      end = source.length;
    }
    const raw = source.slice(offset, end > offset && source[end - 1] === '\r' ? end - 1 : end);
    const leading = raw.length - raw.trimStart().length;
    const content = raw.trim();
    lines.push({ index, offset, raw, content, contentStart: leading, width: displayWidth(content) });
    index++;
    offset = end + 1;
  }
  return lines;
}

/** Width in CJK characters: Latin letters, digits and spaces count half. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    width += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  }
  return width;
}

function buildBlock(kind: BlockKind, blockLines: readonly Line[], doubled: boolean, all: readonly Line[]): ReflowBlock {
  let text = '';
  const segments: SourceSegment[] = [];
  for (const line of blockLines) {
    const pieces = doubled ? undouble(line.content) ?? [{ start: 0, length: line.content.length }] : [{ start: 0, length: line.content.length }];
    if (text.length > 0 && LATIN_OR_DIGIT.test(text[text.length - 1]!) && LATIN_OR_DIGIT.test(line.content[pieces[0]!.start] ?? '')) {
      text += ' ';
    }
    for (const piece of pieces) {
      segments.push({
        textStart: text.length,
        sourceOffset: line.offset - blockLines[0]!.offset + line.contentStart + piece.start,
        length: piece.length,
      });
      text += line.content.slice(piece.start, piece.start + piece.length);
    }
  }
  const first = blockLines[0]!;
  const last = blockLines[blockLines.length - 1]!;
  return {
    kind,
    startLine: first.index,
    endLine: last.index,
    startOffset: first.offset,
    endOffset: last.offset + last.raw.length,
    text,
    lines: all.slice(first.index, last.index + 1).map((l) => l.raw),
    segments: mergeSegments(segments),
  };
}

/**
 * Splits a line printed in bold, whose every run was extracted twice (`億元億元。。`), into the
 * pieces to keep; undefined when the line is not made of doubled runs. White space may stand alone.
 * Longer runs are tried first, so that a run with a repeat inside (哈哈大笑哈哈大笑) stays whole.
 */
export function undouble(line: string): { start: number; length: number }[] | undefined {
  const memo = new Map<number, { start: number; length: number }[] | undefined>();
  const solve = (i: number): { start: number; length: number }[] | undefined => {
    if (i === line.length) {
      return [];
    }
    if (memo.has(i)) {
      return memo.get(i);
    }
    let result: { start: number; length: number }[] | undefined;
    if (/\s/u.test(line[i]!)) {
      const rest = solve(i + 1);
      result = rest && [{ start: i, length: 1 }, ...rest];
    }
    for (let k = Math.floor((line.length - i) / 2); !result && k >= 1; k--) {
      if (line.startsWith(line.slice(i, i + k), i + k)) {
        const rest = solve(i + 2 * k);
        result = rest && [{ start: i, length: k }, ...rest];
      }
    }
    memo.set(i, result);
    return result;
  };
  return solve(0);
}

function mergeSegments(segments: readonly SourceSegment[]): SourceSegment[] {
  const merged: SourceSegment[] = [];
  for (const s of segments) {
    const last = merged[merged.length - 1];
    if (last && last.textStart + last.length === s.textStart && last.sourceOffset + last.length === s.sourceOffset) {
      merged[merged.length - 1] = { ...last, length: last.length + s.length };
    } else {
      merged.push(s);
    }
  }
  return merged;
}
