import * as vscode from 'vscode';
import { AnnotationManager } from '../annotations/annotationManager';
import { CommandId } from '../commandIds';
import { quoteOf } from '../core/annotations/annotation';
import { argumentRecord, documentNotesArgument, pickAnnotation } from './annotationArguments';

/**
 * `bilingualReader.confirmAnnotationPlacement` with `{ uri?, id? }`: the user accepts where an
 * approximate match put a note (review flag) — the note is re-described on the text it is on.
 * Resolves to the note's id, or undefined when nothing was confirmed.
 */
export class ConfirmAnnotationPlacementCommand {
  static readonly id = CommandId.ConfirmAnnotationPlacement;

  constructor(private readonly annotations: AnnotationManager) {}

  async execute(argument?: unknown): Promise<string | undefined> {
    const args = argumentRecord(argument);
    const found = await documentNotesArgument(this.annotations, args);
    if (!found) {
      return undefined;
    }
    const { document, notes } = found;
    const toReview = notes.set.toReview;
    if (!args.id && toReview.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No note of {0} awaits review.', vscode.workspace.asRelativePath(document.uri)));
      return undefined;
    }
    const placed = args.id || toReview.length !== 1 ? await pickAnnotation(notes, args, vscode.l10n.t('Confirm Annotation Placement'), toReview) : toReview[0];
    if (!placed) {
      return undefined;
    }
    if (!placed.placement.review) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The note on "{0}" does not await review.', quoteOf(placed.annotation).exact));
      return undefined;
    }
    return (await this.annotations.change(document, placed.annotation.id, { confirm: true }))?.annotation.id;
  }
}
