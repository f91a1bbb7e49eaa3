import * as vscode from 'vscode';
import { AnnotationManager } from '../annotations/annotationManager';
import { CommandId } from '../commandIds';
import { rangeArgument } from './annotateCommand';
import { argumentRecord, documentNotesArgument, pickAnnotation } from './annotationArguments';

/**
 * `bilingualReader.reattachAnnotation` with `{ uri?, id?, range? }` (range as for annotate; default
 * the editor selection): puts a note — an orphan, one awaiting review, or any other — on the chosen
 * text. Without `id`, orphans and notes awaiting review are offered first. Resolves to the note's id.
 */
export class ReattachAnnotationCommand {
  static readonly id = CommandId.ReattachAnnotation;

  constructor(private readonly annotations: AnnotationManager) {}

  async execute(argument?: unknown): Promise<string | undefined> {
    const args = argumentRecord(argument);
    const found = await documentNotesArgument(this.annotations, args);
    if (!found) {
      return undefined;
    }
    const { document, notes } = found;
    const range = rangeArgument(args, document);
    if (!range || range.isEmpty) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the text the note belongs to, then re-attach it.'));
      return undefined;
    }
    // Taken before the pick: the document may change while the user chooses.
    const offsets = { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
    const quote = document.getText(range);
    const version = document.version;
    const unsure = notes.set.all.filter((p) => !p.range || p.placement.review);
    const others = notes.set.all.filter((p) => p.range && !p.placement.review);
    const placed = await pickAnnotation(notes, { ...args, noCursor: true }, vscode.l10n.t('Re-attach Annotation to Selection'), [...unsure, ...others]);
    if (!placed) {
      return undefined;
    }
    if (document.version !== version && document.getText().slice(offsets.start, offsets.end) !== quote) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The selected text changed while the note was chosen; select it again.'));
      return undefined;
    }
    const reattached = await this.annotations.change(document, placed.annotation.id, { reattach: offsets });
    return reattached?.annotation.id;
  }
}
