import { AnnotationManager } from '../annotations/annotationManager';
import { CommandId } from '../commandIds';
import { Annotation, quoteOf } from '../core/annotations/annotation';
import * as vscode from 'vscode';
import { askBody } from './annotateCommand';
import { argumentRecord, documentNotesArgument, pickAnnotation, tagsArgument } from './annotationArguments';

/** `bilingualReader.editAnnotation` with `{ uri?, id?, note?, tags?, translation? }`. */
export class EditAnnotationCommand {
  static readonly id = CommandId.EditAnnotation;

  constructor(private readonly annotations: AnnotationManager) {}

  async execute(argument?: unknown): Promise<Annotation | undefined> {
    const args = argumentRecord(argument);
    const found = await documentNotesArgument(this.annotations, args);
    if (!found) {
      return undefined;
    }
    const { document, notes } = found;
    const placed = await pickAnnotation(notes, args, vscode.l10n.t('Edit Annotation'));
    if (!placed) {
      return undefined;
    }
    const current = placed.annotation.body;
    const body =
      args.note !== undefined || args.tags !== undefined || args.translation !== undefined
        ? {
            note: typeof args.note === 'string' ? args.note : current.note,
            tags: tagsArgument(args.tags) ?? current.tags,
            ...(typeof args.translation === 'string' ? (args.translation ? { translation: args.translation } : {}) : current.translation ? { translation: current.translation } : {}),
          }
        : await askBody({}, quoteOf(placed.annotation).exact, current);
    return body ? (await this.annotations.change(document, placed.annotation.id, { body }))?.annotation : undefined;
  }
}
