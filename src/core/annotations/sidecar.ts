import { createHash } from 'crypto';
import { parse } from 'jsonc-parser';
import { SchemaJson } from '../files/schemaJson';
import schema from '../../../schemas/annotations.schema.json';
import type { Annotation } from './annotation';

/** The sidecar file beside an article: `<file name>.annotations.json`. */
export interface Sidecar {
  readonly version: 1;
  readonly source: { readonly file: string; readonly sha256: string; readonly length: number };
  readonly annotations: readonly Annotation[];
}

export type SidecarReadResult = { readonly ok: true; readonly sidecar: Sidecar } | { readonly ok: false; readonly problem: string; readonly line: number };

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Reads and checks sidecar files against the schema the extension ships. */
export class SidecarCodec {
  private readonly json = new SchemaJson<Sidecar>(schema);

  read(text: string): SidecarReadResult {
    const read = this.json.parse(text);
    if (!read.ok) {
      return read;
    }
    const ids = new Set<string>();
    for (const annotation of read.value.annotations) {
      if (ids.has(annotation.id)) {
        return { ok: false, problem: `annotation id ${annotation.id} appears twice`, line: 0 };
      }
      ids.add(annotation.id);
    }
    return { ok: true, sidecar: read.value };
  }

  /**
   * The file's text: stable key order, two-space indentation, a final newline (diff-friendly under git).
   * @throws Error when the annotations do not match the shipped schema, so that no file is written
   *   that the next load would have to quarantine
   */
  write(articleText: string, file: string, annotations: readonly Annotation[]): string {
    const sidecar: Sidecar = { version: 1, source: { file, sha256: sha256(articleText), length: articleText.length }, annotations };
    const problem = this.json.problem(sidecar);
    if (problem !== undefined) {
      throw new Error(`the notes do not match the annotations schema: ${problem}`);
    }
    return JSON.stringify(sidecar, null, 2) + '\n';
  }

  /**
   * Repairs what can be repaired: comments and trailing commas are dropped, and every annotation that
   * passes the schema on its own is kept (the rest stay only in the backup copy).
   */
  repair(text: string, articleText: string, file: string): { text: string; kept: number; dropped: number } | undefined {
    const value = parse(text, [], { allowTrailingComma: true }) as { annotations?: unknown } | undefined;
    const candidates = Array.isArray(value?.annotations) ? value.annotations : [];
    const kept: Annotation[] = [];
    for (const candidate of candidates) {
      const probe = { version: 1, source: { file, sha256: sha256(''), length: 0 }, annotations: [candidate] };
      if (this.json.problem(probe) === undefined && !kept.some((k) => k.id === (candidate as Annotation).id)) {
        kept.push(candidate as Annotation);
      }
    }
    if (candidates.length === 0 && !value) {
      return undefined;
    }
    return { text: this.write(articleText, file, kept), kept: kept.length, dropped: candidates.length - kept.length };
  }
}
