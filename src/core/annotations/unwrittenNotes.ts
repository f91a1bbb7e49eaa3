import { createHash } from 'crypto';
import { writeAtomically } from '../files/atomicWrite';
import type { Annotation } from './annotation';
import { SidecarCodec } from './sidecar';
import type { SidecarFileSystem } from './sidecarStore';

/**
 * Notes that exist in memory only — their sidecar cannot be written (quarantined, a folder or a
 * read-only file in its place, a failing disk) or their article has unsaved edits when the window
 * closes — kept in the extension's workspace storage so that closing the document or the window
 * loses nothing. One file per article, `<16 hex of SHA-256 of its URI>.annotations.json` in
 * `folder`, in the sidecar format (schema-checked; `source.file` is the article's URI). Taken back
 * when the article is next opened, and deleted once its sidecar has been written.
 */
export class UnwrittenNotes<U> {
  constructor(
    private readonly fs: SidecarFileSystem<U>,
    private readonly folder: U,
    private readonly codec = new SidecarCodec(),
  ) {}

  /** Keeps `annotations`, described against `articleText`, for `document`. @throws when the copy cannot be written */
  async keep(document: U, articleText: string, annotations: readonly Annotation[]): Promise<void> {
    const file = this.fileFor(document);
    await this.fs.createParent(file);
    await writeAtomically(this.fs, file, new TextEncoder().encode(this.codec.write(articleText, this.fs.key(document), annotations)));
  }

  /** The notes kept for `document`, or undefined (none, or a copy that no longer reads: it is left for inspection). */
  async find(document: U): Promise<readonly Annotation[] | undefined> {
    const text = await this.fs.readText(this.fileFor(document)).catch(() => undefined);
    const read = text === undefined ? undefined : this.codec.read(text);
    return read?.ok && read.sidecar.source.file === this.fs.key(document) ? read.sidecar.annotations : undefined;
  }

  /** The notes for `document` are in its sidecar now: the copy goes. */
  async release(document: U): Promise<void> {
    await this.fs.delete(this.fileFor(document)).catch(() => undefined);
  }

  private fileFor(document: U): U {
    const hash = createHash('sha256').update(this.fs.key(document), 'utf8').digest('hex').slice(0, 16);
    return this.fs.child(this.folder, `${hash}.annotations.json`);
  }
}
