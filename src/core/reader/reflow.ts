import { HAN } from '../text/characters';
import { splitLongBlocks } from './longBlocks';

/**
 * Reflow of text extracted from PDF pages into readable blocks. The extraction breaks lines at the
 * column edge, puts blank lines inside sentences (page and column breaks, double-spaced boxes),
 * keeps headlines and captions between paragraphs (and inside them), prints bold captions twice and
 * leaves spaces between characters. The rules, in the order they are tried for each line:
 *
 * 1. A line starting with ● or ▲, or with 圖：/图：/圖片：/图片：, opens a caption (a byline when it
 *    names a 記者 reporter); the caption runs to the next blank line. A block whose last line ends
 *    with a photo credit (`。 圖：民眾提供`, `（記者林菁樺攝）`) is a caption too, and ends there. A
 *    caption opening with ●● was set in bold and every run of it was extracted twice
 *    (`●●20242024年…`): each line is undoubled when it splits exactly into doubled runs. A caption
 *    that interrupts an unfinished paragraph (one whose last line does not end a sentence) is set
 *    aside: the paragraph goes on after it, and the caption follows the paragraph as a block of its
 *    own, inside the paragraph's line range.
 * 2. A headline is a line that looks like one: no sentence punctuation in it (，。、；！？), not ending
 *    a sentence, leaving no quotation open, not a date or time alone (a release's footer), not
 *    continued by the next line (which does not open with punctuation that only follows a word, such
 *    as ，。、」, nor carry on a Latin phrase), not indented unless the next line opens a block too,
 *    and not filling the column (as wide as the lines around it) unless the next line opens a block of
 *    its own (a line that fills the column runs on into the next, as after a column break: `…列入實體`
 *    / `清單，並收緊…`; a title wider than the short text under it fills no column). It
 *    follows a blank line or another headline, or comes before an indented line (a subhead set between
 *    paragraphs without space), after a finished paragraph. A dateline
 *    (`香港文匯報訊`, `【香港商報訊】`, `（中央社記者…電）`, `〔記者…報導〕`, `本報訊`,
 *    `新華社北京…電`) or a short label of Han characters followed by text (`文匯觀察 中美…`) starts
 *    a paragraph instead: in print they open the paragraph they stand in.
 * 3. Blank lines say nothing else: they fall mid-sentence (page and column breaks). A paragraph ends
 *    after a line that ends a sentence (。！？… and closing quotes) or a colon introducing what follows
 *    (`作以下回應：`) when that line stops short of the column's width, or when the next line is
 *    indented (it starts with spaces, or is shorter than the column: print indents a paragraph's first
 *    line). The column width is the widest of the nearby lines, so that boxes of other widths reflow
 *    too.
 * 4. Lines of a block are joined without a space, except between two Latin letters or digits. In a
 *    paragraph, spaces the extraction left between two Han characters, or between a Han character and
 *    full-width punctuation (`列入實體 清單`, `管制 ，`), are left out of the block's text; spaces
 *    beside Latin words and digits stay, and so do those of headlines, captions and a paragraph's
 *    opening dateline or label (`香港文匯報訊 綜合…`, `（記者 朱燁 北京報道）`), which the
 *    typesetter put there.
 * 5. A block longer than 8,000 characters (a file saved without line breaks) is cut into pieces for
 *    display, after a sentence where it can be (longBlocks.ts).
 *
 * The rules were written on the reference article and checked on eight other layouts (Hong Kong,
 * Taiwanese and Mainland papers, a government release, a two-column report: test/fixtures/reflow).
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
  /**
   * The block's source lines, as written (for the "original line breaks" view): every line of its
   * range but those of a caption set inside it (rule 1), which are that caption's.
   */
  readonly lines: readonly string[];
  readonly segments: readonly SourceSegment[];
  /** Set on every piece but the first of a block cut for display (longBlocks.ts): it goes on from the block before. */
  readonly continuesPrevious?: true;
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
/** A line ending like this may end its paragraph: a sentence, or a colon introducing what follows. */
const PARAGRAPH_END = /[。！？!?…；：:][」』”’）)》〉]*$|[」』”][。！？]?$/u;
/** A date or time on a line of its own (a press release's footer), which is no headline. */
const DATE_OR_TIME = /^(\d{4}年)?\d{1,2}月\d{1,2}日([（(]星期.[）)])?$|^\S{0,6}\d{1,2}時\d{1,2}分$/u;
const INNER_PUNCTUATION = /[，。、；！？,;]/u;
const DATELINE =
  /^(\S{1,10}(報訊|报讯|電|电)[\s（(]|【[^】]{1,16}(訊|讯|電|电)】|[（(][^）)]{1,40}(電|电)[）)]|[〔［[（(][^〕］\]）)]{1,30}(報導|报道|報道|新聞|新闻)[〕］\]）)]|(本報|本报)[^，。]{0,8}(訊|讯)|(新華社|新华社|中新社)\S{0,12}(電|电))/u;
const CAPTION_START = /^(●|▲|圖：|图：|圖片：|图片：)/u;
/** A photo credit closing a block (`。 圖：民眾提供`, `（記者林菁樺攝）`): the block is a caption. */
const PHOTO_CREDIT = /(圖：|图：|圖片：|图片：|圖片來源：|图片来源：)[^，。]{1,16}$|[（(][^（）()]{1,20}(攝|摄)[）)]$/u;
/** Punctuation that only follows a word: a line opening with it continues the line before. */
const CONTINUATION = /^[，。、；：！？,.;:!?」』”’）)》〉]/u;
const COLUMN_LABEL = /^\p{Script=Han}{2,6}\s+\S/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
/** How much shorter than the column (in CJK characters) a line must be to stop short or be indented. */
const SHORT_BY = 1;
/** Lines on each side that define a column's width. */
const WIDTH_WINDOW = 3;

export function reflow(source: string): ReflowBlock[] {
  const lines = splitLines(source);
  const text = lines.filter((l) => l.content.length > 0);
  // The width of the column around a line without the line itself: a line much wider than all its
  // neighbours fills no column (a title above a short text), one as wide as they are does. The
  // column's width with the line is the wider of the two.
  const otherWidth = new Map<number, number>();
  text.forEach((line, i) => {
    let width = 0;
    for (let j = Math.max(0, i - WIDTH_WINDOW); j <= Math.min(text.length - 1, i + WIDTH_WINDOW); j++) {
      width = j === i ? width : Math.max(width, text[j]!.width);
    }
    otherWidth.set(line.index, width);
  });
  const isShort = (line: Line) => Math.max(otherWidth.get(line.index) ?? 0, line.width) - line.width >= SHORT_BY;
  const fillsColumn = (line: Line) => !isShort(line) && line.width <= (otherWidth.get(line.index) ?? 0) + SHORT_BY;

  const blocks: ReflowBlock[] = [];
  let current: { kind: BlockKind; lines: Line[]; doubled: boolean } | undefined;
  /** An unfinished paragraph a caption interrupted, and the captions set inside it so far. */
  let suspended: { kind: BlockKind; lines: Line[]; doubled: boolean } | undefined;
  const inside: { kind: BlockKind; lines: Line[]; doubled: boolean }[] = [];
  let blankBefore = true;
  let previous: Line | undefined;
  const nextText = new Map<number, Line | undefined>();
  text.forEach((line, i) => nextText.set(line.index, text[i + 1]));

  const emit = (block: { kind: BlockKind; lines: Line[]; doubled: boolean }, skip: readonly Line[] = []) =>
    blocks.push(buildBlock(block.kind, block.lines, block.doubled, lines, skip));
  const flushSuspended = () => {
    if (suspended) {
      emit(suspended, inside.flatMap((c) => c.lines));
      inside.splice(0).forEach((c) => emit(c));
      suspended = undefined;
    }
  };
  const close = () => {
    if (!current) {
      return;
    }
    // A paragraph whose last line is a photo credit was a caption (rule 1).
    if (current.kind === 'paragraph' && PHOTO_CREDIT.test(current.lines[current.lines.length - 1]!.content) && current !== suspended) {
      current.kind = 'caption';
    }
    if (suspended && current.kind === 'paragraph' && current === suspended) {
      flushSuspended();
    } else if (suspended && (current.kind === 'caption' || current.kind === 'byline')) {
      inside.push(current);
    } else {
      emit(current);
    }
    current = undefined;
  };
  const unfinished = (block: typeof current) =>
    block !== undefined && block.kind === 'paragraph' && !SENTENCE_END.test(block.lines[block.lines.length - 1]!.content);

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
      (previous !== undefined && PHOTO_CREDIT.test(previous.content)) ||
      (previous !== undefined && PARAGRAPH_END.test(previous.content) && (isShort(previous) || isShort(line) || line.contentStart > 0));
    if (CAPTION_START.test(content)) {
      // Set an unfinished paragraph aside, also when it was resumed after an earlier caption.
      if (unfinished(current) && (!suspended || current === suspended)) {
        suspended = current;
        current = undefined;
      } else {
        close();
      }
      current = { kind: /記者|记者/u.test(content) ? 'byline' : 'caption', lines: [line], doubled: content.startsWith('●●') };
    } else if (current && (current.kind === 'caption' || current.kind === 'byline')) {
      current.lines.push(line);
    } else if (suspended && !current && !startsBlock(line, isShort, false)) {
      // The text after a caption set inside a paragraph: the paragraph goes on, unless a block of its own starts.
      current = suspended;
      current.lines.push(line);
    } else if (
      (blankBefore || blocks[blocks.length - 1]?.kind === 'headline' || (nextText.get(line.index)?.contentStart ?? 0) > 0) &&
      afterFinished &&
      looksLikeHeadline(line, nextText.get(line.index), isShort, fillsColumn)
    ) {
      close();
      flushSuspended();
      blocks.push(buildBlock('headline', [line], false, lines));
    } else if (current && !afterFinished) {
      current.lines.push(line);
    } else {
      close();
      flushSuspended();
      current = { kind: 'paragraph', lines: [line], doubled: false };
    }
    blankBefore = false;
    previous = line;
  }
  close();
  flushSuspended();
  return splitLongBlocks(blocks);
}

/** Rule 2: whether a line, followed by `next`, looks like a headline. */
function looksLikeHeadline(line: Line, next: Line | undefined, isShort: (line: Line) => boolean, fillsColumn: (line: Line) => boolean): boolean {
  const content = line.content;
  return (
    !INNER_PUNCTUATION.test(content) &&
    !SENTENCE_END.test(content) &&
    !DATELINE.test(content) &&
    !COLUMN_LABEL.test(content) &&
    !opensQuotation(content) &&
    !DATE_OR_TIME.test(content) &&
    (!fillsColumn(line) || next === undefined || startsBlock(next, isShort)) &&
    // An indented line opens a paragraph, unless what follows opens a block too.
    !(line.contentStart > 0 && next !== undefined && !startsBlock(next, isShort)) &&
    !(next !== undefined && (CONTINUATION.test(next.content) || (/[A-Za-z]$/.test(content) && /^[A-Za-z]/.test(next.content))))
  );
}

/**
 * Whether a line opens a block of its own whatever came before: a short headline-like line, a
 * dateline, a caption, an indented line or (with `labels`) a column label, which an extraction space
 * can fake (`體產業出口 管制，…`).
 */
function startsBlock(line: Line, isShort: (line: Line) => boolean, labels = true): boolean {
  const content = line.content;
  return (
    line.contentStart > 0 ||
    (!INNER_PUNCTUATION.test(content) && !opensQuotation(content) && isShort(line)) ||
    DATELINE.test(content) ||
    (labels && COLUMN_LABEL.test(content)) ||
    CAPTION_START.test(content)
  );
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

function buildBlock(kind: BlockKind, blockLines: readonly Line[], doubled: boolean, all: readonly Line[], skip: readonly Line[] = []): ReflowBlock {
  let text = '';
  const segments: SourceSegment[] = [];
  for (const line of blockLines) {
    const whole = [{ start: 0, length: line.content.length }];
    const undoubled = doubled ? (undouble(line.content) ?? whole) : whole;
    // Spaces in headlines, captions and a paragraph's dateline or label are the typesetter's.
    const keepBefore = line === blockLines[0] ? keptPrefix(line.content) : 0;
    const pieces = kind === 'paragraph' ? withoutExtractionSpaces(line.content, undoubled, keepBefore) : undoubled;
    if (pieces.length === 0) {
      continue;
    }
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
  const skipped = new Set(skip.map((l) => l.index));
  return {
    kind,
    startLine: first.index,
    endLine: last.index,
    startOffset: first.offset,
    endOffset: last.offset + last.raw.length,
    text,
    lines: all.slice(first.index, last.index + 1).filter((l) => !skipped.has(l.index)).map((l) => l.raw),
    segments: mergeSegments(segments),
  };
}

/** How much of a paragraph's first line is a dateline or label, whose spaces are the typesetter's: up to its first ， or 。. */
function keptPrefix(content: string): number {
  if (!DATELINE.test(content) && !COLUMN_LABEL.test(content)) {
    return 0;
  }
  const stop = content.search(/[，。]/u);
  return stop === -1 ? content.length : stop;
}

/** Full-width punctuation a Han character may stand beside without a space. */
const FULL_WIDTH_PUNCTUATION = /[\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65「」『』“”‘’…—]/u;

/**
 * Rule 4: the pieces of a line without the spaces extraction put between two Han characters, or
 * between a Han character and full-width punctuation.
 */
function withoutExtractionSpaces(content: string, pieces: readonly { start: number; length: number }[], keepBefore: number): { start: number; length: number }[] {
  const kept: { start: number; length: number }[] = [];
  const hanOrMark = (ch: string | undefined) => ch !== undefined && (HAN.test(ch) || FULL_WIDTH_PUNCTUATION.test(ch));
  for (const piece of pieces) {
    let from = piece.start;
    const end = piece.start + piece.length;
    for (let i = piece.start; i < end; i++) {
      if (content[i] !== ' ' && content[i] !== '\u3000') {
        continue;
      }
      let after = i;
      while (after < end && (content[after] === ' ' || content[after] === '\u3000')) {
        after++;
      }
      const before = content[i - 1];
      const next = content[after];
      const joins = i >= keepBefore && i > piece.start && after < end && hanOrMark(before) && hanOrMark(next) && (HAN.test(before!) || HAN.test(next!));
      if (joins) {
        if (i > from) {
          kept.push({ start: from, length: i - from });
        }
        from = after;
      }
      i = after - 1;
    }
    if (end > from) {
      kept.push({ start: from, length: end - from });
    }
  }
  return kept;
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
