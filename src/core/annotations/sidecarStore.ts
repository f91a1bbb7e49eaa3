import { createHash } from 'crypto';
import { AtomicFileSystem, isTemporaryOf, writeAtomically, WriteQueue } from '../files/atomicWrite';
import type { Annotation } from './annotation';
import type { DocumentNotes } from './documentNotes';
import { SidecarCodec } from './sidecar';

/**
 * The file operations the sidecar store needs, over files named by `U` (vscode.workspace.fs in the
 * extension; an in-memory map in the unit tests, as vscode-markdown-languageservice tests against
 * its IWorkspace).
 */
export interface SidecarFileSystem<U> extends AtomicFileSystem<U> {
  /** A stable string for `file` (a URI string), to key queues and maps. */
  key(file: U): string;
  /** The file's UTF-8 text; undefined when nothing is there. @throws when something is there but cannot be read. */
  readText(file: U): Promise<string | undefined>;
  /** Why `file` must not be replaced by a rename (a folder, a symbolic link, read-only), or undefined. */
  obstacle(file: U): Promise<string | undefined>;
  /** The plain files in the folder of `file` (itself included), with their modification times (ms since 1970). */
  siblings(file: U): Promise<{ name: string; file: U; mtime: number }[]>;
  /** Renames without replacing anything. @throws when `to` exists */
  move(from: U, to: U): Promise<void>;
  /** Copies without replacing anything. @throws when `to` exists */
  copy(from: U, to: U): Promise<void>;
  /** Creates the folder that is to hold `file`, if missing. */
  createParent(file: U): Promise<void>;
  /** The file named `name` in `folder`. */
  child(folder: U, name: string): U;
  /** The article's path as the sidecar records it (relative to the sidecar's folder). */
  sourcePath(sidecar: U, document: U): string;
}

export type ReadOutcome =
  | { readonly kind: 'missing' }
  /** Something is there but could not be read (permissions, a folder, a failing disk): nothing is written over it. */
  | { readonly kind: 'unreadable'; readonly problem: string }
  | { readonly kind: 'ok'; readonly text: string; readonly annotations: readonly Annotation[] }
  | { readonly kind: 'broken'; readonly text: string; readonly problem: string; readonly line: number };

/**
 * What a write did. After `written` and `nothing` the sidecar has every note; after `waiting` the
 * notes wait for the article's save; after the others they exist in memory only (the caller keeps
 * them in workspace storage).
 */
export type WriteOutcome =
  | { readonly kind: 'written' }
  /** The article has unsaved edits: the notes are written when it is saved. */
  | { readonly kind: 'waiting' }
  /** No notes, and no sidecar to empty. */
  | { readonly kind: 'nothing' }
  /** Writing is blocked (see DocumentNotes.blocked): the file was left as it is. */
  | { readonly kind: 'blocked'; readonly reason: string }
  /** The file on disk changed into something unreadable: it must be quarantined before anything is written. */
  | { readonly kind: 'broken'; readonly text: string; readonly problem: string; readonly line: number }
  /** The notes would make a file the schema refuses, or every attempt failed. */
  | { readonly kind: 'failed'; readonly message: string };

export interface SidecarStoreOptions {
  /** Write attempts before a failure is reported. */
  readonly attempts: number;
  /** Wait before the n-th retry: n × this, ms. */
  readonly retryDelayMs: number;
  /** A temporary file of an atomic write older than this (ms) is left over from a crash and is deleted. */
  readonly staleTemporaryMs: number;
}

const DEFAULTS: SidecarStoreOptions = { attempts: 3, retryDelayMs: 100, staleTemporaryMs: 10 * 60_000 };

/**
 * Reads and writes sidecar files safely: writes are atomic (a temporary sibling renamed over the
 * file) and serialised per file; the file on disk is read and merged (three-way, by id and modified
 * time: AnnotationSet.merge) right before every write, so another writer's notes survive; nothing is
 * written over a folder, a symbolic link or a read-only file, nor a file the schema would refuse; a
 * sidecar lost between the file service's delete and rename is recovered from its temporary file;
 * stale temporaries are cleaned up; a broken sidecar gets one backup copy per content. Never shows UI:
 * the caller turns outcomes into messages.
 */
export class SidecarStore<U> {
  private readonly queue = new WriteQueue();
  private readonly options: SidecarStoreOptions;

  constructor(
    private readonly fs: SidecarFileSystem<U>,
    private readonly codec = new SidecarCodec(),
    options: Partial<SidecarStoreOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * Reads the sidecar, recovering it from an interrupted write when it is missing; with `clean`
   * (on load), also deletes stale temporaries beside it.
   */
  async read(notes: DocumentNotes<U>, clean = false): Promise<ReadOutcome> {
    let text: string | undefined;
    try {
      text = (await this.fs.readText(notes.sidecar)) ?? (await this.recover(notes));
    } catch (error) {
      return { kind: 'unreadable', problem: errorMessage(error) };
    }
    if (clean) {
      await this.cleanTemporaries(notes).catch(() => undefined);
    }
    if (text === undefined) {
      return { kind: 'missing' };
    }
    const read = this.codec.read(text);
    return read.ok ? { kind: 'ok', text, annotations: read.sidecar.annotations } : { kind: 'broken', text, problem: read.problem, line: read.line };
  }

  /**
   * Loads the sidecar's notes into `notes`, anchored in the article's text as `articleText` gives it
   * once the file has been read (edits made meanwhile are in it).
   */
  async load(notes: DocumentNotes<U>, articleText: () => string): Promise<ReadOutcome> {
    const read = await this.read(notes, true);
    if (read.kind === 'ok') {
      notes.set.load(read.annotations, articleText());
      notes.synced(read.text, read.annotations);
    } else if (read.kind === 'broken') {
      notes.block(read.problem);
    }
    return read;
  }

  /**
   * The sidecar changed on disk: merges its notes unless this window wrote that text. Queued with the
   * writes, so a write in between never makes this merge work from a stale read. `articleText` is
   * asked after the read. Returns how many notes changed, or the broken outcome (the caller
   * quarantines it).
   */
  mergeFromDisk(notes: DocumentNotes<U>, articleText: () => string): Promise<number | (ReadOutcome & { kind: 'broken' })> {
    return this.queue.run(this.fs.key(notes.sidecar), async () => {
      const read = await this.read(notes);
      if (read.kind !== 'ok' || notes.isKnown(read.text)) {
        return read.kind === 'broken' ? read : 0;
      }
      notes.unblock();
      const changed = notes.set.merge(read.annotations, articleText(), notes.base);
      notes.synced(read.text, read.annotations);
      return changed;
    });
  }

  /**
   * Writes the notes, queued behind other writes of the same file. `articleText` is asked inside the
   * queued task and gives the article as saved on disk, or undefined while it has unsaved edits
   * (ranges and text always belong together). `onMerged` is told when notes from disk were merged in.
   */
  write(notes: DocumentNotes<U>, articleText: () => string | undefined, onMerged: () => void = () => undefined): Promise<WriteOutcome> {
    return this.queue.run(this.fs.key(notes.sidecar), async () => {
      let message = '';
      const retry = async (error: unknown) => {
        message = errorMessage(error);
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs));
      };
      for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
        if (notes.blocked) {
          return { kind: 'blocked', reason: notes.blocked };
        }
        // Checked before every write, not remembered: the folder or the read-only flag may be gone.
        const obstacle = await this.fs.obstacle(notes.sidecar);
        if (obstacle) {
          return { kind: 'blocked', reason: obstacle };
        }
        // Another writer (a second window, git) may have changed the file since this window last read
        // or wrote it, faster than a watcher reports: its notes are merged in first. A file that is
        // there but cannot be read is never written over.
        let onDisk: string | undefined;
        try {
          onDisk = await this.fs.readText(notes.sidecar);
        } catch (error) {
          await retry(error);
          continue;
        }
        // Asked after the read, with no await until the snapshot: ranges and text belong together.
        const current = articleText();
        if (current === undefined) {
          return { kind: 'waiting' };
        }
        const mark = notes.changeMark;
        if (onDisk !== undefined && !notes.isKnown(onDisk)) {
          const read = this.codec.read(onDisk);
          if (!read.ok) {
            notes.block(read.problem);
            return { kind: 'broken', text: onDisk, problem: read.problem, line: read.line };
          }
          if (notes.set.merge(read.sidecar.annotations, current, notes.base) > 0) {
            onMerged();
          }
          notes.synced(onDisk, read.sidecar.annotations);
        }
        const annotations = notes.set.snapshot(current);
        if (annotations.length === 0 && !notes.hasSidecar) {
          notes.settled(mark);
          return { kind: 'nothing' };
        }
        let content: string;
        try {
          content = this.codec.write(current, this.fs.sourcePath(notes.sidecar, notes.document), annotations);
        } catch (error) {
          // A file the next load would quarantine is never written; retrying cannot help.
          return { kind: 'failed', message: errorMessage(error) };
        }
        try {
          await this.fs.createParent(notes.sidecar);
          // Another writer in the moment since the merge: start again, merging its notes too.
          if ((await this.fs.readText(notes.sidecar)) !== onDisk) {
            continue;
          }
          // Known before the rename, so that a watcher reporting this write takes it as ours.
          notes.synced(content, notes.base);
          await writeAtomically(this.fs, notes.sidecar, new TextEncoder().encode(content));
          notes.synced(content, annotations, mark);
          return { kind: 'written' };
        } catch (error) {
          await retry(error);
        }
      }
      return { kind: 'failed', message: message || 'the file kept changing while it was written' };
    });
  }

  /**
   * Keeps a copy of a broken sidecar's `text` beside it, once per content (`<name>.backup-<12 hex of
   * its SHA-256>`): opening a broken file again does not add copies. Returns the copy, or undefined
   * when none could be made.
   */
  async backUp(notes: DocumentNotes<U>, text: string): Promise<U | undefined> {
    const name = `${this.fs.basename(notes.sidecar)}.backup-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12)}`;
    const backup = this.fs.sibling(notes.sidecar, name);
    const existing = await this.fs.readText(backup).catch(() => undefined);
    if (existing === text) {
      return backup;
    }
    try {
      await this.fs.copy(notes.sidecar, backup);
      return backup;
    } catch {
      return undefined;
    }
  }

  /**
   * Puts `repaired` in place of the broken sidecar (its backup copy keeps the original), if the file
   * still holds the `broken` text it was made from and may be replaced. Returns false, changing
   * nothing, when the file changed since (fixed by hand, git, another window) or is a link or read-only.
   */
  replaceBroken(notes: DocumentNotes<U>, broken: string, repaired: string): Promise<boolean> {
    return this.queue.run(this.fs.key(notes.sidecar), async () => {
      if ((await this.fs.obstacle(notes.sidecar)) || (await this.fs.readText(notes.sidecar).catch(() => undefined)) !== broken) {
        return false;
      }
      notes.synced(repaired, notes.base);
      await writeAtomically(this.fs, notes.sidecar, new TextEncoder().encode(repaired));
      return true;
    });
  }

  /**
   * Moves the broken sidecar aside (`<name>.broken-<stamp>`) so that a fresh one can be written, if
   * it still holds the `broken` text; returns false, changing nothing, when it changed since.
   */
  setAside(notes: DocumentNotes<U>, broken: string, stamp: string): Promise<boolean> {
    return this.queue.run(this.fs.key(notes.sidecar), async () => {
      if ((await this.fs.readText(notes.sidecar).catch(() => undefined)) !== broken) {
        return false;
      }
      await this.fs.move(notes.sidecar, this.fs.sibling(notes.sidecar, `${this.fs.basename(notes.sidecar)}.broken-${stamp}`));
      notes.unblock();
      return true;
    });
  }

  /** Moves a sidecar after its article was renamed. @throws when something is at `to` already */
  async follow(from: U, to: U): Promise<void> {
    await this.queue.run(this.fs.key(from), async () => {
      await this.fs.createParent(to);
      await this.fs.move(from, to);
    });
  }

  /** Resolves when every write queued so far has finished. */
  flush(): Promise<void> {
    return this.queue.idle();
  }

  /**
   * No sidecar, but a temporary file of an interrupted write beside it (a crash between the file
   * service's delete of the old sidecar and its rename of the new one): the newest that reads as a
   * sidecar is the notes, and is put in place.
   */
  private async recover(notes: DocumentNotes<U>): Promise<string | undefined> {
    const name = this.fs.basename(notes.sidecar);
    const candidates = (await this.fs.siblings(notes.sidecar)).filter((s) => isTemporaryOf(s.name, name)).sort((a, b) => b.mtime - a.mtime);
    for (const candidate of candidates) {
      const text = await this.fs.readText(candidate.file).catch(() => undefined);
      if (text !== undefined && this.codec.read(text).ok) {
        // Queued: a write of this window may be between its delete and its rename right now.
        return this.queue.run(this.fs.key(notes.sidecar), async () => {
          const meanwhile = await this.fs.readText(notes.sidecar);
          if (meanwhile !== undefined) {
            return meanwhile;
          }
          await this.fs.move(candidate.file, notes.sidecar);
          return text;
        });
      }
    }
    return undefined;
  }

  /** Deletes temporaries of this sidecar older than staleTemporaryMs, when the sidecar itself is there. */
  private async cleanTemporaries(notes: DocumentNotes<U>): Promise<void> {
    const name = this.fs.basename(notes.sidecar);
    const siblings = await this.fs.siblings(notes.sidecar);
    if (!siblings.some((s) => s.name === name)) {
      return;
    }
    const now = Date.now();
    for (const stale of siblings.filter((s) => isTemporaryOf(s.name, name) && now - s.mtime > this.options.staleTemporaryMs)) {
      await this.fs.delete(stale.file);
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
