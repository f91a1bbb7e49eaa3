import type { Annotation } from './annotation';
import { AnnotationSet } from './annotationSet';

/**
 * The notes of one document and what is known of its sidecar file. `U` is how files are named (a
 * vscode.Uri in the extension, a string in tests). State changes only through the methods, so that
 * the store and the editor side agree on it.
 */
export class DocumentNotes<U> {
  readonly set = new AnnotationSet();
  /** Changes made so far, and how many of them the sidecar holds: a write clears only what it saw. */
  private changes = 0;
  private savedChanges = 0;
  private blockedBy: string | undefined;
  private ownText: string | undefined;
  private baseNotes: readonly Annotation[] = [];

  constructor(
    private documentFile: U,
    private sidecarFile: U,
  ) {}

  get document(): U {
    return this.documentFile;
  }

  get sidecar(): U {
    return this.sidecarFile;
  }

  /** The article was renamed or moved, and its sidecar with it. */
  moveTo(document: U, sidecar: U): void {
    this.documentFile = document;
    this.sidecarFile = sidecar;
  }

  /** Whether there are changes the sidecar does not have yet. */
  get pending(): boolean {
    return this.changes !== this.savedChanges;
  }

  markChanged(): void {
    this.changes++;
  }

  /** A mark of the changes so far, taken with a snapshot: {@link synced} and {@link settled} clear pending only up to it. */
  get changeMark(): number {
    return this.changes;
  }

  /** Why nothing may be written to the sidecar now (unreadable, a folder, read-only…), or undefined. */
  get blocked(): string | undefined {
    return this.blockedBy;
  }

  block(reason: string): void {
    this.blockedBy = reason;
  }

  unblock(): void {
    this.blockedBy = undefined;
  }

  /** Whether `text` is what this window last read from or wrote to the sidecar. */
  isKnown(text: string): boolean {
    return text === this.ownText;
  }

  /** Whether this window ever read or wrote the sidecar (so an empty set must still be written). */
  get hasSidecar(): boolean {
    return this.ownText !== undefined;
  }

  /** The notes the sidecar held when last read or written: the common base of a three-way merge. */
  get base(): readonly Annotation[] {
    return this.baseNotes;
  }

  /**
   * The sidecar was read (or written by this window): `text` and its `annotations` are now the base.
   * `writtenMark`, for a write, is the {@link changeMark} its snapshot was taken at: changes made
   * while it was being written stay pending.
   */
  synced(text: string, annotations: readonly Annotation[], writtenMark?: number): void {
    this.ownText = text;
    this.baseNotes = annotations;
    if (writtenMark !== undefined) {
      this.savedChanges = Math.max(this.savedChanges, writtenMark);
    }
  }

  /** Nothing to write after all (no notes, and no sidecar to empty), as of `mark`. */
  settled(mark: number): void {
    this.savedChanges = Math.max(this.savedChanges, mark);
  }
}
