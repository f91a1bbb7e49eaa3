/**
 * Line breaks inside words. Text extracted from a PDF breaks lines at the column edge, often inside
 * a word (头⏎发); converted line by line, the two halves convert as separate words (頭⏎發, where
 * the word is 頭髮). These helpers convert such text as if the break were not there and put the
 * break back where it was.
 */

const HAN = /\p{Script=Han}/u;

/**
 * Whether the line break at UTF-16 offset `newline` (a `\n`, possibly preceded by `\r`) has a Han
 * character on both sides, so that it may split a word.
 */
export function splitsWord(text: string, newline: number): boolean {
  const before = newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
  return isHanBefore(text, before) && isHanAt(text, newline + 1);
}

/**
 * Wraps `convert` so that line breaks between Han characters do not cut the conversion: the text is
 * converted with those breaks taken out, and they are put back at the same offsets. That needs the
 * conversion to keep the length; where it does not (a Taiwan-phrases conversion such as 元数据 →
 * 後設資料), each paragraph (lines joined by such breaks) is tried on its own, and a paragraph
 * whose length changes is converted with its breaks in place, as before. The result has the same
 * lines as the input.
 */
export function acrossLineBreaks(convert: (text: string) => string): (text: string) => string {
  return (text: string) => {
    const joined = withoutWordBreaks(text);
    if (joined.breaks.length === 0) {
      return convert(text);
    }
    const converted = convert(joined.text);
    if (converted.length === joined.text.length) {
      return restoreBreaks(converted, joined.breaks);
    }
    return paragraphs(text)
      .map((paragraph) => {
        const inner = withoutWordBreaks(paragraph);
        if (inner.breaks.length === 0) {
          return convert(paragraph);
        }
        const result = convert(inner.text);
        return result.length === inner.text.length ? restoreBreaks(result, inner.breaks) : convert(paragraph);
      })
      .join('');
  };
}

interface WordBreak {
  /** UTF-16 offset in the text without the breaks. */
  readonly at: number;
  /** `\n` or `\r\n`. */
  readonly text: string;
}

function withoutWordBreaks(text: string): { text: string; breaks: WordBreak[] } {
  const breaks: WordBreak[] = [];
  const parts: string[] = [];
  let last = 0;
  let removed = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
    if (!splitsWord(text, newline)) {
      continue;
    }
    const start = newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
    parts.push(text.slice(last, start));
    breaks.push({ at: start - removed, text: text.slice(start, newline + 1) });
    removed += newline + 1 - start;
    last = newline + 1;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), breaks };
}

function restoreBreaks(text: string, breaks: readonly WordBreak[]): string {
  const parts: string[] = [];
  let last = 0;
  for (const b of breaks) {
    parts.push(text.slice(last, b.at), b.text);
    last = b.at;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** The text cut after each line break that does not split a word; joined, the pieces give the text. */
function paragraphs(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) {
    if (!splitsWord(text, newline)) {
      pieces.push(text.slice(start, newline + 1));
      start = newline + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}

function isHanAt(text: string, offset: number): boolean {
  const code = text.codePointAt(offset);
  return code !== undefined && HAN.test(String.fromCodePoint(code));
}

function isHanBefore(text: string, end: number): boolean {
  if (end <= 0) {
    return false;
  }
  const low = text.charCodeAt(end - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && end >= 2 ? end - 2 : end - 1;
  return isHanAt(text, start);
}
