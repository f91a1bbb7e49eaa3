import { createHash } from 'crypto';
import { writeAtomically } from '../files/atomicWrite';
import type { Annotation } from './annotation';
import { SidecarCodec } from './sidecar';
import type { SidecarFileSystem } from './sidecarStore';

/**
 * Notes that exist in memory only — their sidecar cannot be written (quarantined, a folder or a
 * read-only file in its place, a failing disk) or their article has unsaved edits when the window
 * closes — kept in the extension's workspace storage so that closing the document or the window
 * loses nothing. Per article, `<16 hex of SHA-256 of its URI>.annotations.json` in `folder`, in the
 * sidecar format (schema-checked; `source.file` is the article's URI), and beside it `….base.json`:
 * the notes its sidecar held when the copy was made, the base of a three-way merge, so that a note
 * deleted here is not brought back by the sidecar and one added there since is not taken as
 * deleted. Taken back when the article is next opened, and deleted once its sidecar has been
 * written (or moved with the article when it is renamed).
 */
export class UnwrittenNotes<U> {
  constructor(
    private readonly fs: SidecarFileSystem<U>,
    private readonly folder: U,
    private readonly codec = new SidecarCodec(),
  ) {}

  /**
   * Keeps `annotations`, described against `articleText`, for `document`, with `base` (the notes of
   * its sidecar as last read or written). @throws when the copy cannot be written
   */
  async keep(document: U, articleText: string, annotations: readonly Annotation[], base: readonly Annotation[]): Promise<void> {
    const encode = (notes: readonly Annotation[]) => new TextEncoder().encode(this.codec.write(articleText, this.fs.key(document), notes));
    await this.fs.createParent(this.fileFor(document));
    // The base first: a copy without its base is never read (find needs both).
    await writeAtomically(this.fs, this.fileFor(document, 'base'), encode(base));
    await writeAtomically(this.fs, this.fileFor(document), encode(annotations));
  }

  /** The notes kept for `document` and their base, or undefined (none, or a copy that no longer reads: it is left for inspection). */
  async find(document: U): Promise<{ annotations: readonly Annotation[]; base: readonly Annotation[] } | undefined> {
    const read = async (file: U) => {
      const text = await this.fs.readText(file).catch(() => undefined);
      const result = text === undefined ? undefined : this.codec.read(text);
      return result?.ok && result.sidecar.source.file === this.fs.key(document) ? result.sidecar.annotations : undefined;
    };
    const annotations = await read(this.fileFor(document));
    const base = await read(this.fileFor(document, 'base'));
    return annotations && base ? { annotations, base } : undefined;
  }

  /** The notes for `document` are in its sidecar now: the copy goes. */
  async release(document: U): Promise<void> {
    await this.fs.delete(this.fileFor(document)).catch(() => undefined);
    await this.fs.delete(this.fileFor(document, 'base')).catch(() => undefined);
  }

  private fileFor(document: U, part?: 'base'): U {
    const hash = createHash('sha256').update(this.fs.key(document), 'utf8').digest('hex').slice(0, 16);
    return this.fs.child(this.folder, part ? `${hash}.base.json` : `${hash}.annotations.json`);
  }
}
