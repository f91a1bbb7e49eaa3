import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { Direction } from '../core/conversion/locales';
import { ConversionOutcome, EditorConversion } from '../conversion/editorConversion';
import { directionFromArgument, noEditorMessage } from './directionArgument';

/** `bilingualReader.convert`: any direction, from `{ from, to }` or a QuickPick. */
export class ConvertCommand {
  static readonly id = CommandId.Convert;

  constructor(private readonly conversion: EditorConversion) {}

  async execute(argument?: unknown): Promise<ConversionOutcome | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      noEditorMessage();
      return undefined;
    }
    const direction = await directionFromArgument(argument, vscode.l10n.t('Convert Chinese Text'));
    return direction ? this.conversion.applyToEditor(editor, direction) : undefined;
  }
}

/** The named conversions (to Simplified, to Traditional HK…), each with a fixed or configured direction. */
export class ConvertInDirectionCommand {
  constructor(
    readonly id: CommandId,
    private readonly direction: () => Direction,
    private readonly conversion: EditorConversion,
  ) {}

  async execute(): Promise<ConversionOutcome | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      noEditorMessage();
      return undefined;
    }
    return this.conversion.applyToEditor(editor, this.direction());
  }
}
