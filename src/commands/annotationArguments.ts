import * as vscode from 'vscode';
import { quoteOf } from '../core/annotations/annotation';
import type { PlacedAnnotation } from '../core/annotations/annotationSet';
import { AnnotationManager, EditorNotes as DocumentNotes } from '../annotations/annotationManager';
import { annotationArguments } from '../annotations/annotationsTreeView';
import { placementBadge } from '../annotations/placementLabels';
import type { ProblemReporter } from '../util/problemReporter';
import { uriArgument } from '../util/uris';

export type ArgumentRecord = Readonly<Record<string, unknown>>;

/** Command arguments as a record: an object, a tree node of the Annotations view, or nothing. */
export function argumentRecord(argument: unknown): ArgumentRecord {
  const fromTree = annotationArguments(argument);
  if (fromTree) {
    return fromTree;
  }
  if (argument instanceof vscode.Uri) {
    return { uri: argument };
  }
  return typeof argument === 'object' && argument !== null ? (argument as ArgumentRecord) : {};
}

export function stringArgument(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function tagsArgument(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    return [...new Set(value.filter((t): t is string => typeof t === 'string' && t.trim().length > 0).map((t) => t.trim()))];
  }
  return typeof value === 'string' ? splitTags(value) : undefined;
}

export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,，、\s]+/).map((t) => t.replace(/^#/, '').trim()).filter(Boolean))];
}

/** The document named by `uri`, or the active editor's (or, with none active, the one text editor visible). */
export async function documentArgument(args: ArgumentRecord, problems?: ProblemReporter): Promise<vscode.TextDocument | undefined> {
  // From the palette while the reader panel has the focus there is no active editor: the one visible
  // text editor (the article beside its panel) is meant.
  const visible = vscode.window.visibleTextEditors.filter((e) => e.document.uri.scheme !== 'output');
  const uri = uriArgument(args.uri) ?? vscode.window.activeTextEditor?.document.uri ?? (visible.length === 1 ? visible[0]!.document.uri : undefined);
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a document first.'));
    return undefined;
  }
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    const message = vscode.l10n.t('Cannot open {0}: {1}', uri.toString(), String(error));
    void (problems ? problems.error(message) : vscode.window.showErrorMessage(message));
    return undefined;
  }
}

export async function notesArgument(annotations: AnnotationManager, document: vscode.TextDocument): Promise<DocumentNotes | undefined> {
  const notes = await annotations.notesFor(document);
  if (!notes) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Notes need a saved file: save {0} first.', vscode.workspace.asRelativePath(document.uri)));
  }
  return notes;
}

/** The document the arguments name (or the active one) and its notes; undefined after telling the user why not. */
export async function documentNotesArgument(
  annotations: AnnotationManager,
  args: ArgumentRecord,
): Promise<{ document: vscode.TextDocument; notes: DocumentNotes } | undefined> {
  const document = await documentArgument(args, annotations.problems);
  const notes = document && (await notesArgument(annotations, document));
  return document && notes ? { document, notes } : undefined;
}

/**
 * The note named by `id`, else the one under the cursor (unless `args.noCursor`), else the user's
 * pick among `choices` (default: all the document's notes, in order).
 */
export async function pickAnnotation(notes: DocumentNotes, args: ArgumentRecord, title: string, choices: readonly PlacedAnnotation[] = notes.set.all): Promise<PlacedAnnotation | undefined> {
  const id = stringArgument(args.id);
  if (id) {
    const found = notes.set.find(id);
    if (!found) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No note with id {0} in {1}.', id, vscode.workspace.asRelativePath(notes.document)));
    }
    return found;
  }
  const editor = vscode.window.activeTextEditor;
  if (!args.noCursor && editor?.document.uri.toString() === notes.document.toString()) {
    const here = notes.set.at(editor.document.offsetAt(editor.selection.active));
    if (here.length === 1) {
      return here[0];
    }
  }
  const picked = await vscode.window.showQuickPick(
    choices.map((placed) => ({
      label: quoteOf(placed.annotation).exact.replace(/\s+/g, ' '),
      description: [placementBadge(placed), ...placed.annotation.body.tags.map((t) => `#${t}`)].filter(Boolean).join(' '),
      detail: placed.annotation.body.note.replace(/\s+/g, ' '),
      placed,
    })),
    { title, matchOnDescription: true, matchOnDetail: true, placeHolder: vscode.l10n.t('Search notes by text or tag') },
  );
  return picked?.placed;
}
