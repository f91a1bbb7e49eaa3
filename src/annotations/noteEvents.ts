import * as vscode from 'vscode';
import type { TextRange } from '../core/annotations/annotation';
import { Disposable } from '../util/dispose';
import type { AnnotationManager } from './annotationManager';
import { savedText } from './sidecarWriter';
import { SIDECAR_SUFFIX, sidecarUriFor } from './sidecarLocation';

/**
 * What happens to notes when their document or sidecar changes: edits move them (and Move Line
 * carries them), a save writes them, closing with unsaved edits re-anchors them in the file on disk,
 * a sidecar changed elsewhere is merged, and a renamed article takes its sidecar and notes along.
 */
export class NoteEvents extends Disposable {
  constructor(private readonly manager: AnnotationManager) {
    super();
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => void this.onClose(d)));
    this.register(vscode.workspace.onDidRenameFiles((e) => void this.onRename(e)));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`));
    this.register(watcher.onDidChange((uri) => void this.onSidecarChanged(uri)));
    this.register(watcher.onDidCreate((uri) => void this.onSidecarChanged(uri)));
  }

  /** Notes follow the edit first; then the edit is passed on to the views (AnnotationManager.onDidEditDocument). */
  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    this.manager.edit({ event, notesPlacedAgain: this.moveNotes(event) });
  }

  /** Moves the document's notes with the edit; returns where notes went other than by following it. */
  private moveNotes(event: vscode.TextDocumentChangeEvent): TextRange[] {
    const notes = this.manager.loaded(event.document.uri);
    if (!notes || event.contentChanges.length === 0 || notes.set.all.length === 0) {
      return [];
    }
    const { placedAgain } = notes.set.applyChanges(
      event.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })),
      event.document.getText(),
      { retryOrphans: event.reason === vscode.TextDocumentChangeReason.Undo || event.reason === vscode.TextDocumentChangeReason.Redo },
    );
    notes.markChanged();
    // Views that show notes with the text learn of their new places from the edit event itself.
    this.manager.fire(event.document.uri, false);
    return placedAgain;
  }

  private async onSave(document: vscode.TextDocument): Promise<void> {
    const notes = this.manager.loaded(document.uri);
    if (notes?.pending) {
      await this.manager.write(notes, savedText(document));
    }
  }

  /**
   * A document closed with unsaved note changes: its notes are anchored again in the text on disk and
   * written. Until then they are kept detached — at once, so that a rename or a reopen meanwhile
   * finds them — and, if the file cannot be read or written, in workspace storage.
   */
  private async onClose(document: vscode.TextDocument): Promise<void> {
    const notes = this.manager.loaded(document.uri);
    if (!notes) {
      return;
    }
    if (!notes.pending) {
      this.manager.registry.forget(document.uri, notes);
      this.manager.fire(document.uri, false);
      return;
    }
    const text = document.getText();
    this.manager.registry.detach(document.uri, notes, text);
    let disk: string | undefined;
    try {
      // Strict UTF-8: an article in another encoding is not re-anchored in garbled text.
      disk = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(document.uri));
    } catch {
      disk = undefined;
    }
    if (this.manager.registry.entry(document.uri).detached !== notes) {
      // Reopened or renamed meanwhile: the notes went with it.
      return;
    }
    if (disk === undefined) {
      // Gone (renamed or moved: onRename takes the detached notes) or unreadable: kept aside too.
      await this.manager.writer.keepAside(notes, text);
    } else {
      notes.set.reanchor(disk);
      const outcome = await this.manager.write(notes, () => disk);
      if (outcome.kind === 'written' || outcome.kind === 'nothing') {
        this.manager.registry.forget(document.uri, notes);
      }
    }
    this.manager.fire(document.uri, false);
  }

  /** The sidecar changed on disk: if not by this window, merge it by id and modified time. */
  private async onSidecarChanged(uri: vscode.Uri): Promise<void> {
    const notes = this.manager.registry.openNotes().find((d) => d.sidecar.toString() === uri.toString());
    const document = notes && vscode.workspace.textDocuments.find((d) => d.uri.toString() === notes.document.toString());
    if (!notes || !document) {
      return;
    }
    const blockedBefore = notes.blocked;
    const merged = await this.manager.store.mergeFromDisk(notes, () => document.getText());
    if (typeof merged !== 'number') {
      if (!blockedBefore) {
        await this.manager.writer.quarantineNotes(notes, merged.text, merged.problem, merged.line);
      }
    } else if (merged > 0) {
      this.manager.fire(notes.document);
    }
    // No write-back here: notes only this window has are written with its next change or save, so
    // two windows never answer each other's writes in a loop.
  }

  /** An article renamed or moved: its sidecar follows it, and so do its notes in memory (unsaved ones too). */
  private async onRename(event: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of event.files) {
      try {
        const stat = await Promise.resolve(vscode.workspace.fs.stat(newUri)).then((s) => s, () => undefined);
        if (stat && (stat.type & vscode.FileType.Directory) !== 0) {
          // A folder: VS Code reports only the folder, so every article with notes inside it follows.
          for (const notes of this.manager.registry.allNotes().filter((n) => n.document.path.startsWith(`${oldUri.path}/`))) {
            await this.followRename(notes.document, newUri.with({ path: newUri.path + notes.document.path.slice(oldUri.path.length) }));
          }
          continue;
        }
        await this.followRename(oldUri, newUri);
      } catch (error) {
        void this.manager.problems.error(
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
      await this.manager.store.follow(from, to);
    }
    const { open, detached } = this.manager.registry.entry(oldUri);
    const notes = open ?? detached;
    const text = open ? undefined : this.manager.registry.detachedTextOf(oldUri);
    this.manager.registry.forget(oldUri);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === newUri.toString());
    if (notes) {
      // The same notes, now about the new file; an entry loaded for it before the sidecar arrived is replaced.
      notes.moveTo(newUri, to);
      this.manager.registry.forget(newUri);
      if (document) {
        this.manager.registry.open(newUri, notes);
        notes.set.reanchor(document.getText());
        this.manager.fire(newUri);
        await this.manager.writer.renamed(oldUri, notes, document.getText());
        await this.manager.write(notes, savedText(document), () => document.getText());
      } else {
        this.manager.registry.detach(newUri, notes, text);
        await this.manager.writer.renamed(oldUri, notes, text);
      }
    } else if (document) {
      this.manager.registry.forget(newUri);
      await this.manager.notesFor(document);
    }
  }
}
