import * as vscode from 'vscode';
import { AnnotationManager } from '../annotations/annotationManager';
import { CommandId } from '../commandIds';
import { quoteOf } from '../core/annotations/annotation';
import { argumentRecord, documentNotesArgument, pickAnnotation } from './annotationArguments';

/** `bilingualReader.deleteAnnotation` with `{ uri?, id? }`; the notification offers Undo. */
export class DeleteAnnotationCommand {
  static readonly id = CommandId.DeleteAnnotation;

  constructor(private readonly annotations: AnnotationManager) {}

  async execute(argument?: unknown): Promise<string | undefined> {
    const args = argumentRecord(argument);
    const found = await documentNotesArgument(this.annotations, args);
    if (!found) {
      return undefined;
    }
    const { document, notes } = found;
    const placed = await pickAnnotation(notes, args, vscode.l10n.t('Delete Annotation'));
    if (!placed) {
      return undefined;
    }
    const removed = await this.annotations.remove(document, placed.annotation.id);
    if (!removed) {
      return undefined;
    }
    const undo = vscode.l10n.t('Undo');
    void vscode.window.showInformationMessage(vscode.l10n.t('Deleted the note on "{0}".', quoteOf(removed.annotation).exact), undo).then(async (choice) => {
      if (choice === undo) {
        await this.annotations.restore(document, removed);
      }
    });
    return removed.annotation.id;
  }
}
