import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { Annotation, AnnotationBody, selectorsFor, TextRange } from '../core/annotations/annotation';
import { AnnotationSet, PlacedAnnotation } from '../core/annotations/annotationSet';
import { SidecarCodec } from '../core/annotations/sidecar';
import { isTemporaryOf, WriteQueue } from '../core/files/atomicWrite';
import { writeFileAtomically } from '../util/atomicWrite';
import { Disposable } from '../util/dispose';
import { uriBasename } from '../util/uris';
import { relativeSourcePath, SIDECAR_SUFFIX, sidecarUriFor } from './sidecarLocation';

/** Write attempts before a failure is reported (the notes stay in memory either way). */
const WRITE_ATTEMPTS = 3;

/** The notes of one document and the state of its sidecar file. */
export class DocumentNotes {
  readonly set = new AnnotationSet();
  /** Changes not yet in the sidecar: they are written when the document is saved. */
  pending = false;
  /** Set while the sidecar cannot be read: nothing is written over it until the user chooses. */
  blocked: string | undefined;
  /** The text last written or read, to tell our own writes from external ones. */
  lastWritten: string | undefined;
  /** The notes that text held: the common base when merging a change made elsewhere. */
  base: readonly Annotation[] = [];

  constructor(
    public document: vscode.Uri,
    public sidecar: vscode.Uri,
  ) {}
}

/**
 * Keeps every open document's notes: loads and re-anchors them from the sidecar, moves them with
 * edits, writes the sidecar when the document is saved (never describing unsaved text), merges
 * changes made to the sidecar elsewhere and follows renamed articles. Writes are atomic and
 * serialised per file; a failed write is retried, then reported, and the notes stay in memory.
 */
export class AnnotationManager extends Disposable {
  private readonly documents = new Map<string, DocumentNotes>();
  /** Notes with unsaved changes whose document closed and whose file could not be read (it may have moved). */
  private readonly detached = new Map<string, DocumentNotes>();
  private readonly loading = new Map<string, Promise<DocumentNotes | undefined>>();
  private readonly codec = new SidecarCodec();
  private readonly queue = new WriteQueue();
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  private readonly contentChanged = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires with the document whose notes changed (added, edited, moved, merged, removed). */
  readonly onDidChange = this.changed.event;
  /** Like onDidChange, but not when notes only moved with an edit of the document. */
  readonly onDidChangeNotes = this.contentChanged.event;

  constructor() {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => void this.onClose(d)));
    this.register(vscode.workspace.onDidOpenTextDocument((d) => void this.notesFor(d)));
    this.register(vscode.workspace.onDidRenameFiles((e) => void this.onRename(e)));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`));
    this.register(watcher.onDidChange((uri) => void this.onSidecarChanged(uri)));
    this.register(watcher.onDidCreate((uri) => void this.onSidecarChanged(uri)));
    for (const document of vscode.workspace.textDocuments) {
      void this.notesFor(document);
    }
  }

  /** Documents whose notes are loaded, with at least one note. */
  get annotated(): DocumentNotes[] {
    return [...this.documents.values()].filter((d) => d.set.all.length > 0);
  }

  loaded(uri: vscode.Uri): DocumentNotes | undefined {
    return this.documents.get(uri.toString());
  }

  /** The document's notes, loaded from its sidecar and anchored in its text on first call. */
  notesFor(document: vscode.TextDocument): Promise<DocumentNotes | undefined> {
    const key = document.uri.toString();
    const known = this.documents.get(key);
    if (known) {
      return Promise.resolve(known);
    }
    const detached = this.detached.get(key);
    if (detached) {
      // Reopened: the notes kept in memory since it closed come back, placed in its text.
      this.detached.delete(key);
      detached.set.reanchor(document.getText());
      this.documents.set(key, detached);
      this.fireNotesChanged(document.uri);
      return Promise.resolve(detached);
    }
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.load(document).finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  async add(document: vscode.TextDocument, range: TextRange, body: AnnotationBody, simplified: string): Promise<Annotation | undefined> {
    const notes = await this.notesFor(document);
    if (!notes) {
      return undefined;
    }
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: randomUUID(),
      created: now,
      modified: now,
      body,
      target: { selector: selectorsFor(document.getText(), range), simplified },
    };
    notes.set.add(annotation, range);
    await this.commit(document, notes);
    return annotation;
  }

  async edit(document: vscode.TextDocument, id: string, body: AnnotationBody): Promise<Annotation | undefined> {
    const notes = await this.notesFor(document);
    const found = notes?.set.find(id);
    if (!notes || !found) {
      return undefined;
    }
    const annotation = { ...found.annotation, body, modified: new Date().toISOString() };
    notes.set.update(annotation);
    await this.commit(document, notes);
    return annotation;
  }

  async remove(document: vscode.TextDocument, id: string): Promise<PlacedAnnotation | undefined> {
    const notes = await this.notesFor(document);
    const removed = notes?.set.remove(id, new Date().toISOString());
    if (notes && removed) {
      await this.commit(document, notes);
    }
    return removed;
  }

  async restore(document: vscode.TextDocument, placed: PlacedAnnotation): Promise<void> {
    const notes = await this.notesFor(document);
    if (notes) {
      notes.set.restore(placed, document.getText());
      await this.commit(document, notes);
    }
  }

  private fireNotesChanged(uri: vscode.Uri): void {
    this.changed.fire(uri);
    this.contentChanged.fire(uri);
  }

  /** Writes the sidecar now when the document is saved as it is; otherwise when it is next saved. */
  private async commit(document: vscode.TextDocument, notes: DocumentNotes): Promise<void> {
    notes.pending = true;
    this.fireNotesChanged(document.uri);
    await this.write(notes, savedText(document));
  }

  private async load(document: vscode.TextDocument): Promise<DocumentNotes | undefined> {
    const sidecar = sidecarUriFor(document.uri);
    if (!sidecar) {
      return undefined;
    }
    const notes = new DocumentNotes(document.uri, sidecar);
    const text = await this.readSidecar(notes);
    if (text !== undefined) {
      const read = this.codec.read(text);
      if (read.ok) {
        notes.set.load(read.sidecar.annotations, document.getText());
        notes.lastWritten = text;
        notes.base = read.sidecar.annotations;
      } else {
        await this.quarantine(notes, text, read.problem, read.line);
      }
    }
    if (document.isClosed) {
      // Closed while loading: its notes would not follow edits made before it is opened again.
      return undefined;
    }
    const meanwhile = this.documents.get(document.uri.toString());
    if (meanwhile) {
      // Notes that followed a rename were put in place while this was loading: they win.
      return meanwhile;
    }
    this.documents.set(document.uri.toString(), notes);
    if (notes.set.all.length > 0) {
      this.fireNotesChanged(document.uri);
    }
    return notes;
  }

  private async readSidecar(notes: DocumentNotes): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(notes.sidecar));
    } catch {
      return this.recoverSidecar(notes);
    }
  }

  /**
   * No sidecar, but a temporary file of an interrupted write beside it (a crash between the file
   * service's delete of the old sidecar and its rename of the new one): the newest that reads as a
   * sidecar is the notes, and is put in place.
   */
  private async recoverSidecar(notes: DocumentNotes): Promise<string | undefined> {
    const folder = vscode.Uri.joinPath(notes.sidecar, '..');
    const name = uriBasename(notes.sidecar);
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return undefined;
    }
    const candidates = await Promise.all(
      entries
        .filter(([entry, type]) => type === vscode.FileType.File && isTemporaryOf(entry, name))
        .map(async ([entry]) => {
          const uri = vscode.Uri.joinPath(folder, entry);
          return { uri, mtime: (await vscode.workspace.fs.stat(uri)).mtime };
        }),
    );
    for (const { uri } of candidates.sort((a, b) => b.mtime - a.mtime)) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      if (this.codec.read(text).ok) {
        await this.queue.run(notes.sidecar.toString(), () => Promise.resolve(vscode.workspace.fs.rename(uri, notes.sidecar, { overwrite: false })));
        return text;
      }
    }
    return undefined;
  }

  /**
   * A sidecar that cannot be read is left as it is: a backup copy is made, writes are blocked, and the
   * user chooses — repair it, open it as JSON, or start a fresh file (the broken one is kept, renamed).
   */
  private async quarantine(notes: DocumentNotes, text: string, problem: string, line: number): Promise<void> {
    notes.blocked = problem;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const backup = vscode.Uri.joinPath(notes.sidecar, '..', `${uriBasename(notes.sidecar)}.backup-${stamp}`);
    const backedUp = await Promise.resolve(vscode.workspace.fs.copy(notes.sidecar, backup, { overwrite: false })).then(
      () => true,
      () => false,
    );
    const repair = vscode.l10n.t('Repair');
    const open = vscode.l10n.t('Open as JSON');
    const fresh = vscode.l10n.t('Start Fresh');
    const where = `${vscode.workspace.asRelativePath(notes.sidecar)}${line > 0 ? `:${line}` : ''}`;
    // Without a backup copy, only opening the file is offered: repairing or starting fresh could lose notes.
    const message = backedUp
      ? vscode.l10n.t(
          'The annotations file {0} cannot be read: {1}. It was left as it is, a backup copy is {2}, and no notes will be written to it until you choose.',
          where,
          problem,
          uriBasename(backup),
        )
      : vscode.l10n.t('The annotations file {0} cannot be read: {1}. It was left as it is and no notes will be written to it until it is fixed.', where, problem);
    void vscode.window
      .showErrorMessage(message, ...(backedUp ? [repair, open, fresh] : [open]))
      .then(async (choice) => {
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === notes.document.toString());
        if (choice === open) {
          const editor = await vscode.window.showTextDocument(notes.sidecar);
          if (line > 0) {
            editor.selection = new vscode.Selection(line - 1, 0, line - 1, 0);
          }
        } else if (choice === repair && document) {
          const repaired = this.codec.repair(text, document.getText(), relativeSourcePath(notes.sidecar, notes.document));
          if (repaired) {
            await this.queue.run(notes.sidecar.toString(), async () => {
              notes.lastWritten = repaired.text;
              await writeFileAtomically(notes.sidecar, new TextEncoder().encode(repaired.text));
            });
            await this.reload(notes, document);
            void vscode.window.showInformationMessage(vscode.l10n.t('Repaired {0}: {1} notes kept, {2} left in the backup copy.', uriBasename(notes.sidecar), repaired.kept, repaired.dropped));
          }
        } else if (choice === fresh && document) {
          await this.queue.run(notes.sidecar.toString(), () =>
            Promise.resolve(vscode.workspace.fs.rename(notes.sidecar, vscode.Uri.joinPath(notes.sidecar, '..', `${uriBasename(notes.sidecar)}.broken-${stamp}`), { overwrite: false })),
          );
          notes.blocked = undefined;
          await this.write(notes, savedText(document));
        }
      });
  }

  private async reload(notes: DocumentNotes, document: vscode.TextDocument): Promise<void> {
    const text = await this.readSidecar(notes);
    const read = text === undefined ? undefined : this.codec.read(text);
    if (read?.ok) {
      notes.blocked = undefined;
      notes.set.merge(read.sidecar.annotations, document.getText());
      notes.lastWritten = text;
      notes.base = read.sidecar.annotations;
      this.fireNotesChanged(notes.document);
    }
  }

  /**
   * Writes the sidecar, serialised per file and retried on failure. `text` gives the article as it is
   * on disk when the write runs (undefined while the document has unsaved edits: the notes then wait
   * for the save); it is asked inside the queued task, so ranges and text always belong together.
   */
  private write(notes: DocumentNotes, text: () => string | undefined): Promise<void> {
    return this.queue.run(notes.sidecar.toString(), async () => {
      if (notes.blocked) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t('Notes on {0} are kept in memory only until its annotations file is repaired: {1}.', vscode.workspace.asRelativePath(notes.document), notes.blocked),
        );
        return;
      }
      let lastError: unknown;
      for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
        const current = text();
        if (current === undefined) {
          return;
        }
        // Another writer (a second window, git) may have changed the file since this window last read
        // or wrote it, faster than the watcher reports: merge its notes in first, so a write never drops
        // them (a note edited here and deleted there is kept: AnnotationSet.merge).
        const onDisk = await Promise.resolve(vscode.workspace.fs.readFile(notes.sidecar)).then(
          (bytes) => new TextDecoder().decode(bytes),
          () => undefined,
        );
        if (onDisk !== undefined && onDisk !== notes.lastWritten) {
          const read = this.codec.read(onDisk);
          if (!read.ok) {
            await this.quarantine(notes, onDisk, read.problem, read.line);
            return;
          }
          if (notes.set.merge(read.sidecar.annotations, current, notes.base) > 0) {
            this.fireNotesChanged(notes.document);
          }
          notes.base = read.sidecar.annotations;
          notes.lastWritten = onDisk;
        }
        const annotations = notes.set.snapshot(current);
        if (annotations.length === 0 && notes.lastWritten === undefined) {
          notes.pending = false;
          return;
        }
        let content: string;
        try {
          content = this.codec.write(current, relativeSourcePath(notes.sidecar, notes.document), annotations);
        } catch (error) {
          // A file the next load would quarantine is never written; retrying cannot help.
          void vscode.window.showErrorMessage(
            vscode.l10n.t('Could not write {0}: {1}. The notes are kept in memory.', vscode.workspace.asRelativePath(notes.sidecar), error instanceof Error ? error.message : String(error)),
          );
          return;
        }
        const obstacle = await sidecarObstacle(notes.sidecar);
        if (obstacle) {
          // Never replace what is not a sidecar file we can write: the notes stay in memory instead.
          notes.blocked = obstacle;
          void vscode.window.showWarningMessage(
            vscode.l10n.t('Notes on {0} are kept in memory only until its annotations file is repaired: {1}.', vscode.workspace.asRelativePath(notes.document), obstacle),
          );
          return;
        }
        try {
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(notes.sidecar, '..'));
          notes.lastWritten = content;
          await writeFileAtomically(notes.sidecar, new TextEncoder().encode(content));
          notes.base = annotations;
          notes.pending = false;
          return;
        } catch (error) {
          lastError = error;
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        }
      }
      const retry = vscode.l10n.t('Retry');
      void vscode.window
        .showErrorMessage(
          vscode.l10n.t('Could not write {0}: {1}. The notes are kept in memory.', vscode.workspace.asRelativePath(notes.sidecar), String(lastError instanceof Error ? lastError.message : lastError)),
          retry,
        )
        .then((choice) => (choice === retry ? this.write(notes, text) : undefined));
    });
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    const notes = this.documents.get(event.document.uri.toString());
    if (!notes || event.contentChanges.length === 0 || notes.set.all.length === 0) {
      return;
    }
    const { reanchored } = notes.set.applyChanges(
      event.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })),
      event.document.getText(),
    );
    notes.pending = true;
    if (reanchored) {
      this.fireNotesChanged(event.document.uri);
    } else {
      this.changed.fire(event.document.uri);
    }
  }

  private async onSave(document: vscode.TextDocument): Promise<void> {
    const notes = this.documents.get(document.uri.toString());
    if (notes?.pending) {
      await this.write(notes, savedText(document));
    }
  }

  /** A document closed with unsaved edits: its notes are anchored again in the text on disk and written. */
  private async onClose(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const notes = this.documents.get(key);
    if (!notes) {
      return;
    }
    this.documents.delete(key);
    if (notes.pending) {
      let disk: string | undefined;
      try {
        // Strict UTF-8: an article in another encoding is not re-anchored in garbled text.
        disk = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(document.uri));
      } catch {
        disk = undefined;
      }
      if (disk === undefined) {
        // Gone (renamed or moved: onRename picks the notes up) or unreadable: keep them in memory.
        this.detached.set(key, notes);
      } else {
        notes.set.reanchor(disk);
        await this.write(notes, () => disk);
      }
    }
    this.changed.fire(document.uri);
  }

  /** The sidecar changed on disk: if not by us, merge it by id and modified time. */
  private async onSidecarChanged(uri: vscode.Uri): Promise<void> {
    const notes = [...this.documents.values()].find((d) => d.sidecar.toString() === uri.toString());
    const document = notes && vscode.workspace.textDocuments.find((d) => d.uri.toString() === notes.document.toString());
    if (!notes || !document) {
      return;
    }
    const text = await this.readSidecar(notes);
    if (text === undefined || text === notes.lastWritten) {
      return;
    }
    const read = this.codec.read(text);
    if (!read.ok) {
      if (!notes.blocked) {
        await this.quarantine(notes, text, read.problem, read.line);
      }
      return;
    }
    notes.blocked = undefined;
    if (notes.set.merge(read.sidecar.annotations, document.getText(), notes.base) > 0) {
      this.fireNotesChanged(notes.document);
    }
    notes.lastWritten = text;
    notes.base = read.sidecar.annotations;
    // No write-back here: notes only this window has are written with its next change or save, so
    // two windows never answer each other's writes in a loop.
  }

  /** An article renamed or moved: its sidecar follows it, and so do its notes in memory (unsaved ones too). */
  private async onRename(event: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of event.files) {
      try {
        await this.followRename(oldUri, newUri);
      } catch (error) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('The notes of {0} could not follow it to {1}: {2}', vscode.workspace.asRelativePath(oldUri), vscode.workspace.asRelativePath(newUri), String(error instanceof Error ? error.message : error)),
        );
      }
    }
  }

  private async followRename(oldUri: vscode.Uri, newUri: vscode.Uri): Promise<void> {
    const from = sidecarUriFor(oldUri);
    const to = sidecarUriFor(newUri);
    if (!from || !to) {
      return;
    }
    const exists = async (uri: vscode.Uri) => Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
    if (await exists(from)) {
      if (await exists(to)) {
        throw new Error(vscode.l10n.t('{0} exists already and was not overwritten', vscode.workspace.asRelativePath(to)));
      }
      await this.queue.run(from.toString(), async () => {
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(to, '..'));
        await vscode.workspace.fs.rename(from, to, { overwrite: false });
      });
    }
    const notes = this.documents.get(oldUri.toString()) ?? this.detached.get(oldUri.toString());
    this.documents.delete(oldUri.toString());
    this.detached.delete(oldUri.toString());
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === newUri.toString());
    if (notes) {
      // The same notes, now about the new file; an entry loaded for it before the sidecar arrived is replaced.
      notes.document = newUri;
      notes.sidecar = to;
      if (document) {
        this.documents.set(newUri.toString(), notes);
        notes.set.reanchor(document.getText());
        this.fireNotesChanged(newUri);
        await this.write(notes, savedText(document));
      } else {
        this.detached.set(newUri.toString(), notes);
      }
    } else if (document) {
      this.documents.delete(newUri.toString());
      await this.notesFor(document);
    }
  }
}

/** The document's text when it matches the file on disk; undefined while it has unsaved edits. */
function savedText(document: vscode.TextDocument): () => string | undefined {
  return () => (document.isDirty || document.isClosed ? undefined : document.getText());
}

/**
 * Why the sidecar path holds something a write must not replace (an atomic write renames over the
 * target, which would delete a folder, follow no symlink and ignore a read-only flag), or undefined
 * when it holds a plain writable file or nothing.
 */
async function sidecarObstacle(sidecar: vscode.Uri): Promise<string | undefined> {
  let kind: { directory: boolean; link: boolean; readOnly: boolean };
  try {
    if (sidecar.scheme === 'file') {
      // The local file system reports what workspace.fs does not: a link itself, and write permission.
      const stat = await fs.lstat(sidecar.fsPath);
      kind = { directory: stat.isDirectory(), link: stat.isSymbolicLink(), readOnly: (stat.mode & 0o222) === 0 };
    } else {
      const stat = await vscode.workspace.fs.stat(sidecar);
      kind = {
        directory: (stat.type & vscode.FileType.Directory) !== 0,
        link: (stat.type & vscode.FileType.SymbolicLink) !== 0,
        readOnly: ((stat.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0,
      };
    }
  } catch {
    return undefined;
  }
  if (kind.directory) {
    return vscode.l10n.t('a folder has its name');
  }
  if (kind.link) {
    return vscode.l10n.t('it is a symbolic link');
  }
  return kind.readOnly ? vscode.l10n.t('it is read-only') : undefined;
}
