import { applyEdits, findNodeAtLocation, modify, parseTree, ParseError } from 'jsonc-parser';

export interface NewGlossaryEntry {
  readonly term: string;
  readonly traditional?: string;
  readonly simplified?: string;
  readonly pinyin?: string;
  readonly english: readonly string[];
  readonly note?: string;
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/**
 * The JSON glossary with `entry` added, or replacing the entry with the same term. Comments and
 * formatting of the rest of the file are kept (edits, not a rewrite); a file that does not parse
 * is refused rather than overwritten.
 */
export function addEntryToJsonGlossary(existing: string | undefined, entry: NewGlossaryEntry): { ok: true; text: string } | { ok: false; reason: string } {
  const value = clean(entry);
  if (existing === undefined || existing.trim() === '') {
    return { ok: true, text: JSON.stringify({ version: 1, entries: [value] }, null, 2) + '\n' };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(existing, errors, { allowTrailingComma: true });
  if (!tree || errors.length > 0) {
    return { ok: false, reason: 'the glossary file is not valid JSON' };
  }
  const entries = findNodeAtLocation(tree, ['entries']);
  if (!entries) {
    return { ok: true, text: applyEdits(existing, modify(existing, ['entries'], [value], FORMAT)) };
  }
  if (entries.type !== 'array') {
    return { ok: false, reason: '"entries" is not an array' };
  }
  const index = (entries.children ?? []).findIndex((child) => {
    const term = findNodeAtLocation(child, ['term']) ?? findNodeAtLocation(child, ['traditional']);
    return term?.value === entry.term || findNodeAtLocation(child, ['simplified'])?.value === entry.term;
  });
  const at = index === -1 ? entries.children?.length ?? 0 : index;
  const edits = modify(existing, ['entries', at], value, { ...FORMAT, isArrayInsertion: index === -1 });
  return { ok: true, text: applyEdits(existing, edits) };
}

function clean(entry: NewGlossaryEntry): Record<string, unknown> {
  const value: Record<string, unknown> = { term: entry.term };
  if (entry.traditional && entry.traditional !== entry.term) {
    value.traditional = entry.traditional;
  }
  if (entry.simplified && entry.simplified !== entry.term) {
    value.simplified = entry.simplified;
  }
  if (entry.pinyin) {
    value.pinyin = entry.pinyin;
  }
  value.english = entry.english.length === 1 ? entry.english[0] : [...entry.english];
  if (entry.note) {
    value.note = entry.note;
  }
  return value;
}
