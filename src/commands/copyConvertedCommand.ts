import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { directionLabel } from '../conversion/directionLabels';
import { EditorConversion } from '../conversion/editorConversion';
import { directionFromArgument, noEditorMessage } from './directionArgument';

/** `bilingualReader.copyConverted`: the converted text on the clipboard; the document is untouched. */
export class CopyConvertedCommand {
  static readonly id = CommandId.CopyConverted;

  constructor(private readonly conversion: EditorConversion) {}

  async execute(argument?: unknown): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      noEditorMessage();
      return undefined;
    }
    const direction = await directionFromArgument(argument, vscode.l10n.t('Copy Converted Text'));
    if (!direction) {
      return undefined;
    }
    const content = await this.conversion.convertedText(editor, direction);
    if (content === undefined) {
      return undefined;
    }
    await vscode.env.clipboard.writeText(content);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the text converted {0}.', directionLabel(direction)), 3000);
    return content;
  }
}
