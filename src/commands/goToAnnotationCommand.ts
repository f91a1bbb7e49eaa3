import * as vscode from 'vscode';
import { AnnotationManager } from '../annotations/annotationManager';
import { CommandId } from '../commandIds';
import { quoteOf } from '../core/annotations/annotation';
import { argumentRecord, documentNotesArgument, pickAnnotation } from './annotationArguments';

/** `bilingualReader.goToAnnotation` with `{ uri?, id? }`: a searchable pick of the document's notes. */
export class GoToAnnotationCommand {
  static readonly id = CommandId.GoToAnnotation;

  constructor(private readonly annotations: AnnotationManager) {}

  async execute(argument?: unknown): Promise<string | undefined> {
    const args = argumentRecord(argument);
    const found = await documentNotesArgument(this.annotations, args);
    if (!found) {
      return undefined;
    }
    const { document, notes } = found;
    if (notes.set.all.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no notes yet.', vscode.workspace.asRelativePath(document.uri)));
      return undefined;
    }
    const placed = await pickAnnotation(notes, args, vscode.l10n.t('Go to Annotation'));
    if (!placed) {
      return undefined;
    }
    if (!placed.range) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The note on "{0}" is an orphan: its text is no longer in the document. It is kept; edit or delete it from the Annotations view.', quoteOf(placed.annotation).exact),
      );
      return placed.annotation.id;
    }
    const range = new vscode.Range(document.positionAt(placed.range.start), document.positionAt(placed.range.end));
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return placed.annotation.id;
  }
}
