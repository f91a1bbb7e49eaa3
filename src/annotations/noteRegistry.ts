import type * as vscode from 'vscode';
import type { EditorNotes } from './annotationManager';

/**
 * Which notes belong to which document: the open documents' notes, and notes kept in memory for a
 * document that closed with unsaved note changes (or was renamed while closed), with the text they
 * describe. Keyed by URI string; every change names the notes it is about, so that a late
 * continuation (a close finishing after a reopen) never evicts another set.
 */
export class NoteRegistry {
  private readonly documents = new Map<string, EditorNotes>();
  private readonly kept = new Map<string, EditorNotes>();
  private readonly texts = new Map<string, string>();

  /** Every open document's notes. */
  openNotes(): EditorNotes[] {
    return [...this.documents.values()];
  }

  /** Notes kept for closed documents, with the text each describes (if known). */
  detachedNotes(): { notes: EditorNotes; text: string | undefined }[] {
    return [...this.kept.entries()].map(([key, notes]) => ({ notes, text: this.texts.get(key) }));
  }

  /** Every set of notes, open or kept. */
  allNotes(): EditorNotes[] {
    return [...this.documents.values(), ...this.kept.values()];
  }

  loaded(uri: vscode.Uri): EditorNotes | undefined {
    return this.documents.get(uri.toString());
  }

  /** The open document's notes at `uri`, and the notes kept since it closed. */
  entry(uri: vscode.Uri): { open?: EditorNotes; detached?: EditorNotes } {
    return { open: this.documents.get(uri.toString()), detached: this.kept.get(uri.toString()) };
  }

  /** `notes` are those of the open document at `uri` (and no longer kept detached). */
  open(uri: vscode.Uri, notes: EditorNotes): void {
    const key = uri.toString();
    this.documents.set(key, notes);
    if (this.kept.get(key) === notes) {
      this.kept.delete(key);
      this.texts.delete(key);
    }
  }

  /**
   * Keeps `notes` in memory for a closed (or not yet open) document at `uri`, describing `text`; an
   * open entry of other notes for the URI (the document reopened meanwhile) is left alone.
   */
  detach(uri: vscode.Uri, notes: EditorNotes, text: string | undefined): void {
    const key = uri.toString();
    if (this.documents.get(key) === notes) {
      this.documents.delete(key);
    }
    this.kept.set(key, notes);
    if (text !== undefined) {
      this.texts.set(key, text);
    }
  }

  /** Forgets `notes` (or, without them, whatever notes) at `uri`, open or detached. */
  forget(uri: vscode.Uri, notes?: EditorNotes): void {
    const key = uri.toString();
    if (!notes || this.documents.get(key) === notes) {
      this.documents.delete(key);
    }
    if (!notes || this.kept.get(key) === notes) {
      this.kept.delete(key);
      this.texts.delete(key);
    }
  }

  /** The text detached notes at `uri` describe, if known. */
  detachedTextOf(uri: vscode.Uri): string | undefined {
    return this.texts.get(uri.toString());
  }

}
