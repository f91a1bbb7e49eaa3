import schema from '../../../schemas/translation.schema.json';
import { sha256 } from '../annotations/sidecar';
import { SchemaJson } from '../files/schemaJson';
import type { StoredTranslation } from './segmentTranslations';

/** The file beside an article holding its translation: `<file name>.translation.json` (schemas/translation.schema.json). */
export interface TranslationFile {
  readonly version: 1;
  readonly source: { readonly file: string; readonly sha256: string; readonly length: number };
  /** BCP 47 tag of the translation's language (XLIFF's trgLang). */
  readonly targetLanguage: string;
  readonly segments: readonly StoredTranslation[];
}

export type TranslationReadResult = { readonly ok: true; readonly file: TranslationFile } | { readonly ok: false; readonly problem: string; readonly line: number };

/**
 * Reads and writes translation files against the schema the extension ships, as SidecarCodec does
 * for notes: strict JSON (no comments), every segment valid, ids unique.
 */
export class TranslationCodec {
  private readonly json = new SchemaJson<TranslationFile>(schema);

  /** The file's content, or the first problem with it (line 0 when it is not about a place in the text). */
  read(text: string): TranslationReadResult {
    const read = this.json.parse(text);
    if (!read.ok) {
      return read;
    }
    const ids = new Set<string>();
    for (const segment of read.value.segments) {
      if (ids.has(segment.id)) {
        return { ok: false, problem: `segment id ${segment.id} appears twice`, line: 0 };
      }
      ids.add(segment.id);
    }
    return { ok: true, file: read.value };
  }

  /**
   * The file's text: two-space indentation and a final newline (diff-friendly under git).
   * @throws Error when the segments do not match the schema, so that no file is written that the next
   *   load would refuse
   */
  write(articleText: string, file: string, targetLanguage: string, segments: readonly StoredTranslation[]): string {
    const content: TranslationFile = { version: 1, source: { file, sha256: sha256(articleText), length: articleText.length }, targetLanguage, segments };
    const problem = this.json.problem(content);
    if (problem !== undefined) {
      throw new Error(`the translation does not match its schema: ${problem}`);
    }
    return JSON.stringify(content, null, 2) + '\n';
  }
}

/**
 * The translations of `mine` (this window's change) and `theirs` (the file as read right before the
 * write): by id, `mine` wins — it is what the user just did; none of `theirs` is dropped. In the order
 * of `theirs`, then the new ones of `mine`.
 */
export function mergeTranslations(mine: readonly StoredTranslation[], theirs: readonly StoredTranslation[]): StoredTranslation[] {
  const byId = new Map(mine.map((t) => [t.id, t] as const));
  const merged = theirs.map((t) => {
    const own = byId.get(t.id);
    byId.delete(t.id);
    return own ?? t;
  });
  return [...merged, ...byId.values()];
}
