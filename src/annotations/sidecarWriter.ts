import * as vscode from 'vscode';
import type { DocumentNotes } from '../core/annotations/documentNotes';
import { SidecarCodec } from '../core/annotations/sidecar';
import type { SidecarStore, WriteOutcome } from '../core/annotations/sidecarStore';
import type { UnwrittenNotes } from '../core/annotations/unwrittenNotes';
import type { ProblemReporter } from '../util/problemReporter';
import { SidecarQuarantine } from './sidecarQuarantine';

/** The open document at `uri`, if any. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** The document's text when it matches the file on disk; undefined while it has unsaved edits. */
export function savedText(document: vscode.TextDocument): () => string | undefined {
  return () => (document.isDirty || document.isClosed ? undefined : document.getText());
}

/**
 * Writes sidecars through the store and deals with what happened: notes that end up in memory
 * only (blocked, broken, failed) are kept in workspace storage until a write succeeds, a broken
 * file goes to the quarantine, and the user is told once per problem (with Retry for failures).
 */
export class SidecarWriter {
  /** Documents whose notes sit in workspace storage now, and the last problem reported for each. */
  private readonly keptAside = new Map<string, string>();
  private readonly quarantine: SidecarQuarantine;

  constructor(
    private readonly store: SidecarStore<vscode.Uri>,
    private readonly unwritten: UnwrittenNotes<vscode.Uri> | undefined,
    private readonly problems: ProblemReporter,
    private readonly notesChanged: (document: vscode.Uri) => void,
  ) {
    this.quarantine = new SidecarQuarantine(store, new SidecarCodec(), problems);
  }

  /** The document's notes were taken back from workspace storage: the copy goes once they are written. */
  markKeptAside(document: vscode.Uri): void {
    this.keptAside.set(document.toString(), this.keptAside.get(document.toString()) ?? '');
  }

  async write(notes: DocumentNotes<vscode.Uri>, text: () => string | undefined, snapshotText: () => string | undefined): Promise<WriteOutcome> {
    const outcome = await this.store.write(notes, text, () => this.notesChanged(notes.document));
    const key = notes.document.toString();
    if (outcome.kind === 'written') {
      if (this.keptAside.delete(key)) {
        await this.unwritten?.release(notes.document);
      }
      return outcome;
    }
    if (outcome.kind === 'waiting' || outcome.kind === 'nothing') {
      return outcome;
    }
    const problem = outcome.kind === 'blocked' ? outcome.reason : outcome.kind === 'broken' ? outcome.problem : outcome.message;
    await this.keepAside(notes, snapshotText() ?? text());
    if (outcome.kind === 'broken') {
      void this.quarantineNotes(notes, outcome.text, outcome.problem, outcome.line);
    } else if (this.keptAside.get(key) !== problem) {
      this.keptAside.set(key, problem);
      const where = vscode.workspace.asRelativePath(notes.document);
      const sidecar = vscode.workspace.asRelativePath(notes.sidecar);
      const message = this.unwritten
        ? vscode.l10n.t('Notes on {0} could not be written to {1}: {2}. They are kept in workspace storage until it can be written.', where, sidecar, problem)
        : vscode.l10n.t('Notes on {0} could not be written to {1}: {2}. They are kept in memory until it can be written.', where, sidecar, problem);
      const retry = vscode.l10n.t('Retry');
      void this.problems
        .error(message, { file: notes.sidecar, actions: outcome.kind === 'failed' ? [retry] : [] })
        .then((choice) => (choice === retry ? this.write(notes, text, snapshotText) : undefined));
    }
    return outcome;
  }

  /**
   * Keeps the notes, described against `text` (`annotations` when already taken), in workspace
   * storage with their base, until their sidecar is written.
   */
  async keepAside(notes: DocumentNotes<vscode.Uri>, text: string | undefined, annotations = text === undefined ? undefined : notes.set.snapshot(text)): Promise<void> {
    if (!this.unwritten || text === undefined || !annotations) {
      return;
    }
    try {
      await this.unwritten.keep(notes.document, text, annotations, notes.base);
      this.markKeptAside(notes.document);
    } catch (error) {
      void this.problems.error(
        vscode.l10n.t('Notes on {0} could not be kept in workspace storage either: {1}. They are kept in memory.', vscode.workspace.asRelativePath(notes.document), String(error)),
      );
    }
  }

  /**
   * Notes that could not be written last time come back from workspace storage: a three-way merge
   * with the sidecar as it was when they were kept, so deletions made then stay deleted. `text` is
   * asked after the copy is read. Returns whether there was a copy (the notes must then be written).
   */
  async takeBack(notes: DocumentNotes<vscode.Uri>, text: () => string): Promise<boolean> {
    const kept = await this.unwritten?.find(notes.document);
    if (!kept) {
      return false;
    }
    const restored = notes.set.merge(kept.annotations, text(), kept.base);
    this.markKeptAside(notes.document);
    if (restored > 0) {
      void this.problems.info(
        vscode.l10n.t('{0} notes on {1} that could not be written to its annotations file last time were taken back from workspace storage.', restored, vscode.workspace.asRelativePath(notes.document)),
      );
    }
    return true;
  }

  /** Notes renamed from `oldUri` (notes.document is the new URI): a copy kept under the old URI moves to the new one. */
  async renamed(oldUri: vscode.Uri, notes: DocumentNotes<vscode.Uri>, text: string | undefined): Promise<void> {
    if (!this.keptAside.has(oldUri.toString())) {
      return;
    }
    this.keptAside.delete(oldUri.toString());
    await this.keepAside(notes, text);
    await this.unwritten?.release(oldUri);
  }

  async quarantineNotes(notes: DocumentNotes<vscode.Uri>, text: string, problem: string, line: number): Promise<void> {
    await this.quarantine.quarantine(notes, text, problem, line, {
      articleText: () => openDocument(notes.document)?.getText(),
      reload: async () => {
        const read = await this.store.read(notes);
        const current = openDocument(notes.document);
        if (read.kind === 'ok' && current) {
          notes.set.merge(read.annotations, current.getText());
          notes.synced(read.text, read.annotations);
          this.notesChanged(notes.document);
        }
      },
      write: async () => {
        const current = openDocument(notes.document);
        if (current) {
          await this.write(notes, savedText(current), savedText(current));
        }
      },
    });
  }
}
