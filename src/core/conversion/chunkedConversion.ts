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
 * Converts line by line. No OpenCC dictionary entry contains a line break, so this gives the
 * same text as converting the whole at once, while letting each line be diffed on its own.
 */
export function convertLines(text: string, convert: (s: string) => string, start = 0, end = text.length): ConversionResult {
  const replacements: TextReplacement[] = [];
  const parts: string[] = [];
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd >= end) {
      lineEnd = end;
    }
    const line = text.slice(lineStart, lineEnd);
    const converted = line.length > 0 ? convert(line) : line;
    parts.push(converted);
    if (converted !== line) {
      for (const r of diffReplacements(line, converted, lineStart)) {
        replacements.push(r);
      }
    }
    if (lineEnd < end) {
      parts.push('\n');
    }
    lineStart = lineEnd + 1;
  }
  return { text: parts.join(''), replacements };
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
      const newline = text.indexOf('\n', end);
      end = newline === -1 ? text.length : newline + 1;
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
