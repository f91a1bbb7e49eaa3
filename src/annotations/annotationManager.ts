import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import { Annotation, AnnotationBody, selectorsFor, TextRange } from '../core/annotations/annotation';
import type { PlacedAnnotation } from '../core/annotations/annotationSet';
import { DocumentNotes } from '../core/annotations/documentNotes';
import { SidecarStore, WriteOutcome } from '../core/annotations/sidecarStore';
import { UnwrittenNotes } from '../core/annotations/unwrittenNotes';
import { Disposable } from '../util/dispose';
import type { ProblemReporter } from '../util/problemReporter';
import { NoteEvents } from './noteEvents';
import { NoteRegistry } from './noteRegistry';
import { openDocument, savedText, SidecarWriter } from './sidecarWriter';
import { sidecarUriFor } from './sidecarLocation';
import { WorkspaceSidecarFileSystem } from './workspaceSidecarFileSystem';

export type EditorNotes = DocumentNotes<vscode.Uri>;

/** An edit of a document, after its notes followed it. */
export interface DocumentEdit {
  readonly event: vscode.TextDocumentChangeEvent;
  /**
   * Where notes went other than by following the edit (moved with their text, found again after
   * their text was replaced), as UTF-16 ranges of the text after the edit.
   */
  readonly notesPlacedAgain: readonly TextRange[];
}

/**
 * Keeps every open document's notes: loads and re-anchors them from the sidecar (SidecarStore),
 * moves them with edits, writes the sidecar when the document is saved (never describing unsaved
 * text), merges changes made to the sidecar elsewhere and follows renamed articles (NoteEvents).
 * Notes that cannot be written — a broken or blocked sidecar, a failing disk, unsaved text when the
 * window closes — are kept in workspace storage (UnwrittenNotes) and taken back on the next open.
 */
export class AnnotationManager extends Disposable {
  /** Which notes belong to which open document, and which are kept for closed ones. */
  readonly registry = new NoteRegistry();
  private readonly loading = new Map<string, Promise<EditorNotes | undefined>>();
  private readonly files = new WorkspaceSidecarFileSystem();
  readonly store = new SidecarStore(this.files);
  /** Writes sidecars and keeps what cannot be written in workspace storage. */
  readonly writer: SidecarWriter;
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  private readonly contentChanged = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires with the document whose notes changed (added, edited, moved, merged, removed). */
  readonly onDidChange = this.changed.event;
  /** Like onDidChange, but not when notes only moved with an edit of the document. */
  readonly onDidChangeNotes = this.contentChanged.event;
  private readonly edited = this.register(new vscode.EventEmitter<DocumentEdit>());
  /**
   * Every edit of every document, fired after the document's notes have followed it: the one ordered
   * stream of edits. Views that show notes (the reader panel) listen here rather than to
   * workspace.onDidChangeTextDocument, so they never see an edit before the notes have moved.
   */
  readonly onDidEditDocument = this.edited.event;

  /** @param storage the extension's workspace storage folder (ExtensionContext.storageUri), if there is a workspace */
  constructor(
    storage: vscode.Uri | undefined,
    readonly problems: ProblemReporter,
  ) {
    super();
    const unwritten = storage && new UnwrittenNotes(this.files, vscode.Uri.joinPath(storage, 'unwritten-notes'));
    this.writer = new SidecarWriter(this.store, unwritten, problems, (uri) => this.fire(uri));
    this.register(new NoteEvents(this));
    this.register(vscode.workspace.onDidOpenTextDocument((d) => void this.notesFor(d)));
    for (const document of vscode.workspace.textDocuments) {
      void this.notesFor(document);
    }
  }

  /** Documents whose notes are loaded, with at least one note. */
  get annotated(): EditorNotes[] {
    return this.registry.openNotes().filter((d) => d.set.all.length > 0);
  }

  loaded(uri: vscode.Uri): EditorNotes | undefined {
    return this.registry.loaded(uri);
  }

  /** The document's notes, loaded from its sidecar (and workspace storage) and anchored in its text on first call. */
  notesFor(document: vscode.TextDocument): Promise<EditorNotes | undefined> {
    const key = document.uri.toString();
    const known = this.registry.loaded(document.uri) ?? this.takeDetached(document);
    if (known) {
      return Promise.resolve(known);
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
    const annotation: Annotation = { id: randomUUID(), created: now, modified: now, body, target: { selector: selectorsFor(document.getText(), range), simplified } };
    notes.set.add(annotation, range);
    await this.commit(document, notes);
    return annotation;
  }

  /** Changes a note: its body, or (confirm, re-attach) its placement. Undefined when there is no such note. */
  async change(document: vscode.TextDocument, id: string, how: { body: AnnotationBody } | { confirm: true } | { reattach: TextRange }): Promise<PlacedAnnotation | undefined> {
    const notes = await this.notesFor(document);
    const found = notes?.set.find(id);
    if (!notes || !found) {
      return undefined;
    }
    const now = new Date().toISOString();
    let changed: PlacedAnnotation | undefined;
    if ('body' in how) {
      notes.set.update({ ...found.annotation, body: how.body, modified: now });
      changed = notes.set.find(id);
    } else if ('confirm' in how) {
      changed = notes.set.confirm(id, document.getText(), now);
    } else {
      changed = notes.set.reattach(id, how.reattach, document.getText(), now);
    }
    if (changed) {
      await this.commit(document, notes);
    }
    return changed;
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

  /** Passes an edit on, once the notes have followed it (NoteEvents). */
  edit(edit: DocumentEdit): void {
    this.edited.fire(edit);
  }

  /** Tells listeners that `uri`'s notes changed; `contentToo` unless they only moved with an edit. */
  fire(uri: vscode.Uri, contentToo = true): void {
    this.changed.fire(uri);
    if (contentToo) {
      this.contentChanged.fire(uri);
    }
  }

  /**
   * Writes the sidecar (queued, merged with the file on disk first); notes that end up in memory
   * only are kept in workspace storage (SidecarWriter). `text` gives the article as saved, or
   * undefined while it has unsaved edits; `snapshotText` the text the notes describe now.
   */
  write(notes: EditorNotes, text: () => string | undefined, snapshotText: () => string | undefined = text): Promise<WriteOutcome> {
    return this.writer.write(notes, text, snapshotText);
  }

  /**
   * Every pending write done, and notes that exist only in memory (unsaved text, a blocked sidecar,
   * a closed document) kept in workspace storage. What to keep, and the text each set describes, is
   * taken at once, synchronously: VS Code disposes the extension's subscriptions right after calling
   * deactivate, without waiting for it.
   */
  flush(): Promise<void> {
    const toKeep = [
      ...this.registry.openNotes().filter((n) => n.pending || n.blocked).map((notes) => ({ notes, text: openDocument(notes.document)?.getText() })),
      ...this.registry.detachedNotes(),
    ].map(({ notes, text }) => ({ notes, text, annotations: text === undefined ? undefined : notes.set.snapshot(text) }));
    return (async () => {
      await this.store.flush();
      for (const { notes, text, annotations } of toKeep) {
        if (notes.pending || notes.blocked || this.registry.entry(notes.document).detached === notes) {
          await this.writer.keepAside(notes, text, annotations);
        }
      }
    })();
  }

  private takeDetached(document: vscode.TextDocument): EditorNotes | undefined {
    const { detached } = this.registry.entry(document.uri);
    if (detached) {
      // Reopened: the notes kept in memory since it closed come back, placed in its text.
      detached.set.reanchor(document.getText());
      this.registry.open(document.uri, detached);
      this.fire(document.uri);
    }
    return detached;
  }

  private async commit(document: vscode.TextDocument, notes: EditorNotes): Promise<void> {
    notes.markChanged();
    this.fire(document.uri);
    await this.write(notes, savedText(document), () => document.getText());
  }

  private async load(document: vscode.TextDocument): Promise<EditorNotes | undefined> {
    const sidecar = sidecarUriFor(document.uri);
    if (!sidecar) {
      return undefined;
    }
    const notes = new DocumentNotes(document.uri, sidecar);
    let anchoredAt = document.version;
    const read = await this.store.load(notes, () => {
      anchoredAt = document.version;
      return document.getText();
    });
    if (document.isClosed) {
      // Closed while loading: its notes would not follow edits made before it is opened again.
      return undefined;
    }
    if (read.kind === 'ok' && document.version !== anchoredAt) {
      notes.set.load(read.annotations, document.getText());
    }
    const meanwhile = this.registry.loaded(document.uri);
    if (meanwhile) {
      // Notes that followed a rename were put in place while this was loading: they win.
      return meanwhile;
    }
    this.registry.open(document.uri, notes);
    if (read.kind === 'broken') {
      void this.writer.quarantineNotes(notes, read.text, read.problem, read.line);
    } else if (read.kind === 'unreadable') {
      void this.problems.warn(
        vscode.l10n.t('The annotations file {0} cannot be read: {1}. Its notes are not shown, and it is not written over; new notes are kept in workspace storage.', vscode.workspace.asRelativePath(sidecar), read.problem),
        { file: sidecar },
      );
    }
    // Registered first, so that edits made while workspace storage is read move these notes.
    if (await this.writer.takeBack(notes, () => document.getText())) {
      await this.commit(document, notes);
    } else if (notes.set.all.length > 0) {
      this.fire(document.uri);
    }
    return notes;
  }
}
