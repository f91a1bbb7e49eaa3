import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { EditorConversion } from '../conversion/editorConversion';
import { directionFromArgument, noEditorMessage } from './directionArgument';

/** `bilingualReader.convertToNewEditor`: the converted text in an untitled editor beside the original. */
export class ConvertToNewEditorCommand {
  static readonly id = CommandId.ConvertToNewEditor;

  constructor(private readonly conversion: EditorConversion) {}

  async execute(argument?: unknown): Promise<vscode.TextDocument | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      noEditorMessage();
      return undefined;
    }
    const direction = await directionFromArgument(argument, vscode.l10n.t('Convert into New Editor'));
    if (!direction) {
      return undefined;
    }
    const content = await this.conversion.convertedText(editor, direction);
    if (content === undefined) {
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: editor.document.languageId, content });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return document;
  }
}
