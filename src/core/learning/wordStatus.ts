import schema from '../../../schemas/word-statuses.schema.json';
import { SchemaJson } from '../files/schemaJson';
import type { WordStatus } from './wordStatusKind';

export { isUnknown, isWordStatus, WORD_STATUSES } from './wordStatusKind';
export type { WordStatus } from './wordStatusKind';

/** A word's status as kept: when it was set (ISO 8601), the word as it was marked, and the status last exported. */
export interface StoredWordStatus {
  readonly status: WordStatus;
  readonly modified: string;
  readonly word?: string;
  readonly exported?: WordStatus;
}

/** The statuses file (schemas/word-statuses.schema.json): words by key (wordKey.ts). */
export interface WordStatusFile {
  readonly version: 1;
  readonly words: Readonly<Record<string, StoredWordStatus>>;
}

export type WordStatusReadResult = { readonly ok: true; readonly file: WordStatusFile } | { readonly ok: false; readonly problem: string; readonly line: number };

/** Reads and writes statuses files against the schema the extension ships: strict JSON, every entry valid. */
export class WordStatusCodec {
  private readonly json = new SchemaJson<WordStatusFile>(schema);

  read(text: string): WordStatusReadResult {
    const read = this.json.parse(text);
    return read.ok ? { ok: true, file: read.value } : read;
  }

  /**
   * The file's text (keys sorted, two-space indentation, final newline: diff-friendly).
   * @throws Error when an entry does not match the schema, so that no file is written that the next read would refuse
   */
  write(words: Readonly<Record<string, StoredWordStatus>>): string {
    const sorted = Object.fromEntries(Object.keys(words).sort().map((k) => [k, words[k]!]));
    const content: WordStatusFile = { version: 1, words: sorted };
    const problem = this.json.problem(content);
    if (problem !== undefined) {
      throw new Error(`the word statuses do not match their schema: ${problem}`);
    }
    return JSON.stringify(content, null, 2) + '\n';
  }
}

/**
 * Two sets of statuses as one: for each word the one set later wins (by `modified`; between equal
 * times, `theirs`: what is already kept), so that two windows, two machines (Settings Sync) or an
 * imported file lose nothing newer. Returns the merged words and how many of `mine` were newer.
 */
export function mergeWordStatuses(
  theirs: Readonly<Record<string, StoredWordStatus>>,
  mine: Readonly<Record<string, StoredWordStatus>>,
): { readonly words: Record<string, StoredWordStatus>; readonly taken: number } {
  const words: Record<string, StoredWordStatus> = { ...theirs };
  let taken = 0;
  for (const [key, status] of Object.entries(mine)) {
    // Own keys only: a word such as "constructor" is a word, not a property of every object.
    const kept = Object.hasOwn(words, key) ? words[key] : undefined;
    if (!kept || Date.parse(status.modified) > Date.parse(kept.modified)) {
      words[key] = status;
      taken++;
    }
  }
  return { words, taken };
}
