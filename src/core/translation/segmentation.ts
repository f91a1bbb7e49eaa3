/**
 * Sentence segmentation for the translation column, as CAT tools segment (OmegaT's and memoQ's
 * default rules split at sentence ends and keep what follows a sentence's end mark with it). The rules:
 *
 * 1. Sentences are found by Unicode's sentence boundaries (UAX #29, through the JavaScript engine's
 *    ICU: `Intl.Segmenter` with `granularity: 'sentence'`): a break after 。！？ and . ! ? followed by
 *    a space, with closing quotes and brackets (」』”’）) kept before the break.
 * 2. A break also follows ； and ; (with their closing quotes), which UAX #29 does not break at: a
 *    Chinese article strings clauses into long sentences with semicolons, and translators take them
 *    one by one, as the issue asks.
 * 3. No break after a Latin abbreviation that UAX #29 takes for a sentence end: a single capital
 *    letter (`J. Smith`, the `S.` of `U.S.`), or one of ABBREVIATIONS (`Mr.`, `Inc.`, `No.`), when a
 *    letter or digit follows.
 * 4. A break is moved back before opening quotes and brackets (「『“（) that UAX #29 keeps with the
 *    sentence before them, as it treats every quotation mark after an end mark as closing it.
 * 5. Segments never cross a reader block (a paragraph, headline or caption): each block is segmented
 *    alone. Spaces around a segment are left out of it; a segment of spaces alone is dropped.
 */

/**
 * Latin abbreviations after which a full stop does not end a sentence (rule 3), as written (case
 * counts: "He said no. Then…" ends at "no.", "No. 5" does not), without the stop.
 */
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'No', 'Nos', 'vs', 'Inc', 'Co', 'Corp', 'Ltd', 'Jr', 'Sr', 'Gov', 'Gen', 'Sen', 'Rep', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Dept', 'Fig']);

/** ；/; and the closing quotes and brackets after it (rule 2). */
const SEMICOLON = /[；;][」』”’）)》〉"']*/gu;
/** The word before a full stop at the end of a piece, and whether it is followed by text. */
const WORD_BEFORE_STOP = /(?:^|[^\p{L}.])((?:\p{L}\.)*\p{L}+)\.\s*$/u;
const STARTS_WITH_LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** A segment of a block's text: [start, end), UTF-16 offsets of the block's text. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

const sentences = new Intl.Segmenter('zh', { granularity: 'sentence' });

/**
 * The sentences of one block's text by the rules above, as UTF-16 spans of `text` in order, without
 * surrounding spaces. Throws nothing; an empty or blank text has none.
 */
export function segmentText(text: string): TextSpan[] {
  const breaks: number[] = [];
  for (const { index } of sentences.segment(text)) {
    if (index > 0) {
      breaks.push(index);
    }
  }
  SEMICOLON.lastIndex = 0;
  for (let m = SEMICOLON.exec(text); m; m = SEMICOLON.exec(text)) {
    breaks.push(m.index + m[0].length);
  }
  const cuts = [...new Set(breaks.map((at) => beforeOpening(text, at)))].filter((at) => at > 0 && at < text.length && !afterAbbreviation(text, at)).sort((a, b) => a - b);
  const spans: TextSpan[] = [];
  let start = 0;
  for (const end of [...cuts, text.length]) {
    const span = trimmed(text, start, end);
    if (span) {
      spans.push(span);
    }
    start = end;
  }
  return spans;
}

/** Rule 4: `at` moved back before the opening quotes and brackets (and spaces) that end the text before it. */
function beforeOpening(text: string, at: number): number {
  let cut = at;
  while (cut > 0 && /[\p{Ps}\p{Pi}\s]/u.test(text[cut - 1]!)) {
    cut--;
  }
  return /[\p{Ps}\p{Pi}]/u.test(text.slice(cut, at)) ? cut : at;
}

/** Rule 3: whether the break at `at` follows an abbreviation's full stop and a letter or digit follows. */
function afterAbbreviation(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 24), at);
  const word = WORD_BEFORE_STOP.exec(before)?.[1];
  if (!word || !STARTS_WITH_LETTER_OR_DIGIT.test(text.slice(at).trimStart())) {
    return false;
  }
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word) || ABBREVIATIONS.has(word);
}

function trimmed(text: string, start: number, end: number): TextSpan | undefined {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from]!)) {
    from++;
  }
  while (to > from && /\s/u.test(text[to - 1]!)) {
    to--;
  }
  return to > from ? { start: from, end: to } : undefined;
}
