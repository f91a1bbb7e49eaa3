import * as vscode from 'vscode';
import { AnnotationManager } from '../annotations/annotationManager';
import { CommandId } from '../commandIds';
import type { Annotation, AnnotationBody } from '../core/annotations/annotation';
import { ChineseConverter } from '../core/conversion/chineseConverter';
import { sourceVariant } from '../conversion/configuredDirections';
import { argumentRecord, ArgumentRecord, documentArgument, notesArgument, splitTags, stringArgument, tagsArgument } from './annotationArguments';

/**
 * `bilingualReader.annotate`: a note on the editor selection, or on `{ uri, range, note, tags?,
 * translation? }`. Without a note argument it asks for the note, tags and an optional translation.
 * Resolves once the note is written (or, for a document with unsaved edits, kept for its next save).
 */
export class AnnotateCommand {
  static readonly id = CommandId.Annotate;

  constructor(
    private readonly annotations: AnnotationManager,
    private readonly converter: ChineseConverter,
  ) {}

  async execute(argument?: unknown): Promise<Annotation | undefined> {
    const args = argumentRecord(argument);
    const document = await documentArgument(args, this.annotations.problems);
    if (!document) {
      return undefined;
    }
    const range = rangeArgument(args, document);
    if (!range || range.isEmpty) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to annotate.'));
      return undefined;
    }
    return this.annotateRange(document, { start: document.offsetAt(range.start), end: document.offsetAt(range.end) }, args);
  }

  /**
   * A note on `offsets` of `document` (UTF-16 offsets, end exclusive): the typed call the reader
   * panel makes. The note's body comes from `args` (note, tags, translation) or is asked for.
   */
  async annotateRange(document: vscode.TextDocument, offsets: { start: number; end: number }, args: ArgumentRecord = {}): Promise<Annotation | undefined> {
    if (!(await notesArgument(this.annotations, document))) {
      return undefined;
    }
    const range = new vscode.Range(document.positionAt(offsets.start), document.positionAt(offsets.end));
    const quote = document.getText(range);
    const version = document.version;
    const body = await askBody(args, quote);
    if (!body) {
      return undefined;
    }
    // The document may have changed while the note was typed: the selection must still hold its text.
    if (document.version !== version && document.getText(range) !== quote) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The selected text changed while the note was typed; select it again.'));
      return undefined;
    }
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    // The Simplified form follows the Traditional the user reads (`bilingualReader.sourceVariant`), as the reader and the exports do.
    const simplified = this.converter.convert(quote, { from: sourceVariant(document), to: 'cn' });
    return this.annotations.add(document, { start, end }, body, simplified);
  }
}

/** `range` from the arguments ({ start: { line, character }, end: … }), else the editor selection. */
export function rangeArgument(args: ArgumentRecord, document: vscode.TextDocument): vscode.Range | undefined {
  const raw = args.range as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | undefined;
  if (raw && typeof raw === 'object') {
    const position = (p: { line?: unknown; character?: unknown } | undefined) =>
      p && typeof p.line === 'number' && typeof p.character === 'number' ? document.validatePosition(new vscode.Position(p.line, p.character)) : undefined;
    const start = position(raw.start);
    const end = position(raw.end);
    if (!start || !end) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The range argument must be {0}.', '{ "start": { "line", "character" }, "end": { "line", "character" } }'));
      return undefined;
    }
    return new vscode.Range(start, end);
  }
  const editor = vscode.window.activeTextEditor;
  return editor?.document === document ? editor.selection : undefined;
}

/** The note's body from the arguments, or asked for: note (\n for a new line), tags, translation. */
export async function askBody(args: ArgumentRecord, quote: string, current?: AnnotationBody): Promise<AnnotationBody | undefined> {
  let note = stringArgument(args.note);
  if (note === undefined) {
    note = await vscode.window.showInputBox({
      title: vscode.l10n.t('Note on "{0}"', quote.length > 30 ? `${quote.slice(0, 30)}…` : quote),
      prompt: vscode.l10n.t('Type \\n for a new line.'),
      value: current?.note.replace(/\n/g, '\\n'),
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('A note cannot be empty.')),
    });
    if (note === undefined) {
      return undefined;
    }
    note = note.replace(/\\n/g, '\n');
  }
  let tags = tagsArgument(args.tags);
  let translation = stringArgument(args.translation);
  if (stringArgument(args.note) === undefined) {
    const tagText = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Tags, separated by commas (optional)'), value: current?.tags.join(', ') });
    if (tagText === undefined) {
      return undefined;
    }
    tags = splitTags(tagText);
    translation = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Translation (optional)'), value: current?.translation });
    if (translation === undefined) {
      return undefined;
    }
  }
  return { note, tags: tags ?? current?.tags ?? [], ...(translation?.trim() ? { translation: translation.trim() } : {}) };
}
