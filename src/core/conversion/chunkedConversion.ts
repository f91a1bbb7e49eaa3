import { acrossLineBreaks, splitsWord } from './lineBreaks';
import { diffReplacements, TextReplacement } from './replacements';

export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

export interface ConversionResult {
  readonly text: string;
  readonly replacements: readonly TextReplacement[];
}

export interface ChunkOptions {
  /** Characters per chunk between yields to the event loop. */
  readonly chunkSize?: number;
  readonly token?: CancellationSignal;
  /** Called after each chunk with the share done, 0–1. */
  readonly onProgress?: (done: number) => void;
}

const DEFAULT_CHUNK = 256 * 1024;

/**
 * Converts [start, end) of `text` and finds the replacements line by line. The text is converted in
 * one call (per-call costs make converting line by line twice as slow), a line break between two Han
 * characters not cutting the conversion (lineBreaks.ts: 头⏎发 → 頭⏎髮), and its lines correspond
 * one to one with the original's, each then diffed on its own, so edits stay within the characters
 * that change. Should a converter ever change the number of lines, lines are converted one by one.
 */
export function convertLines(text: string, convert: (s: string) => string, start = 0, end = text.length): ConversionResult {
  const original = text.slice(start, end);
  const converted = acrossLineBreaks(convert)(original);
  const originalLines = original.split('\n');
  const convertedLines = converted.split('\n');
  if (originalLines.length !== convertedLines.length) {
    return convertLineByLine(originalLines, convert, start);
  }
  const replacements: TextReplacement[] = [];
  let offset = start;
  for (let i = 0; i < originalLines.length; i++) {
    const line = originalLines[i]!;
    const result = convertedLines[i]!;
    if (line !== result) {
      for (const r of diffReplacements(line, result, offset)) {
        replacements.push(r);
      }
    }
    offset += line.length + 1;
  }
  return { text: converted, replacements };
}

function convertLineByLine(lines: readonly string[], convert: (s: string) => string, start: number): ConversionResult {
  const replacements: TextReplacement[] = [];
  const converted: string[] = [];
  let offset = start;
  for (const line of lines) {
    const result = line.length > 0 ? convert(line) : line;
    converted.push(result);
    if (result !== line) {
      replacements.push(...diffReplacements(line, result, offset));
    }
    offset += line.length + 1;
  }
  return { text: converted.join('\n'), replacements };
}

/**
 * The offset after the first line break at or after `from` that does not split a word (so that a
 * chunk never cuts a word broken over two lines), looking at most 64 lines on; the end of the text
 * if there is none.
 */
function chunkEnd(text: string, from: number): number {
  let newline = text.indexOf('\n', from);
  for (let tries = 0; newline !== -1 && tries < 64 && splitsWord(text, newline); tries++) {
    newline = text.indexOf('\n', newline + 1);
  }
  return newline === -1 ? text.length : newline + 1;
}

/**
 * The same as {@link convertLines} over the whole text, in line-aligned chunks with a yield to
 * the event loop between them, so that a multi-megabyte document can show progress and be
 * cancelled. Resolves to undefined when cancelled.
 */
export async function convertInChunks(
  text: string,
  convert: (s: string) => string,
  options: ChunkOptions = {},
): Promise<ConversionResult | undefined> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
  const texts: string[] = [];
  const replacements: TextReplacement[] = [];
  let start = 0;
  while (start < text.length) {
    if (options.token?.isCancellationRequested) {
      return undefined;
    }
    let end = Math.min(text.length, start + chunkSize);
    if (end < text.length) {
      end = chunkEnd(text, end);
    }
    const chunk = convertLines(text, convert, start, end);
    texts.push(chunk.text);
    for (const r of chunk.replacements) {
      replacements.push(r);
    }
    start = end;
    options.onProgress?.(start / text.length);
    if (start < text.length) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    }
  }
  return options.token?.isCancellationRequested ? undefined : { text: texts.join(''), replacements };
}
