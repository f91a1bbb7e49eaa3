/** Matches found at most in one search; the panel says "10000+" beyond. */
export const MAX_MATCHES = 10_000;
/** Characters searched between two pauses (about 5 ms, conversion of blocks not rendered included). */
const SEARCH_SLICE_CHARACTERS = 128 * 1024;

export type SearchColumn = 'original' | 'converted';

/**
 * The expression find-in-panel searches with: `query` as literal text, Latin letters in any case
 * (the `i` flag on the text itself, so offsets stay the text's: lowercasing İ would lengthen it).
 */
export function searchPattern(query: string): RegExp {
  return new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
}

/**
 * Every match of `query` in `columns` of blocks 0 … count - 1, in document order (by block, then
 * column in the order given), as four numbers each: block index, column (0 original, 1 converted),
 * start and end (UTF-16 offsets of the column's text). Stops at MAX_MATCHES (`truncated`).
 * `columnText` gives a column's text (converting a block not rendered); `pause` is awaited between
 * slices of about 128 K characters and resolves to false to give up (the result is then undefined).
 */
export async function findInBlocks(
  count: number,
  columnText: (index: number, column: SearchColumn) => string,
  query: string,
  columns: readonly SearchColumn[],
  pause: () => Promise<boolean>,
): Promise<{ matches: number[]; truncated: boolean } | undefined> {
  const matches: number[] = [];
  if (query.length === 0) {
    return { matches, truncated: false };
  }
  const pattern = searchPattern(query);
  let searched = 0;
  for (let index = 0; index < count; index++) {
    for (const column of columns) {
      const text = columnText(index, column);
      searched += text.length;
      pattern.lastIndex = 0;
      for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
        if (matches.length / 4 >= MAX_MATCHES) {
          return { matches, truncated: true };
        }
        matches.push(index, column === 'original' ? 0 : 1, found.index, found.index + found[0].length);
      }
    }
    if (searched >= SEARCH_SLICE_CHARACTERS) {
      searched = 0;
      if (!(await pause())) {
        return undefined;
      }
    }
  }
  return { matches, truncated: false };
}
