import * as vscode from 'vscode';

/** Where a problem is: a file, and in it a 1-based line and column if known; plus extra actions to offer. */
export interface ProblemOptions {
  readonly file?: vscode.Uri;
  readonly line?: number;
  readonly column?: number;
  readonly actions?: readonly string[];
}

/**
 * The one way a problem reaches the user: written to the "Bilingual Reader" log output channel and
 * shown as a message, with an Open File action when a file is at fault (opened at `line`:`column`)
 * plus any `actions`. Resolves to the action chosen (Open File is handled here), or undefined.
 */
export class ProblemReporter {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  async error(message: string, options: ProblemOptions = {}): Promise<string | undefined> {
    this.log.error(message);
    return this.show(vscode.window.showErrorMessage, message, options);
  }

  async warn(message: string, options: ProblemOptions = {}): Promise<string | undefined> {
    this.log.warn(message);
    return this.show(vscode.window.showWarningMessage, message, options);
  }

  /** For what the user should know without being interrupted by an error (notes restored, kept aside). */
  info(message: string, actions: readonly string[] = []): Thenable<string | undefined> {
    this.log.info(message);
    return vscode.window.showInformationMessage(message, ...actions);
  }

  private async show(
    show: (message: string, ...items: string[]) => Thenable<string | undefined>,
    message: string,
    options: ProblemOptions,
  ): Promise<string | undefined> {
    const open = vscode.l10n.t('Open File');
    const choice = await show(message, ...(options.actions ?? []), ...(options.file ? [open] : []));
    if (choice === open && options.file) {
      const editor = await vscode.window.showTextDocument(options.file);
      if (options.line && options.line > 0) {
        const position = new vscode.Position(options.line - 1, Math.max(0, (options.column ?? 1) - 1));
        editor.selection = new vscode.Selection(position, position);
        editor.revealRange(new vscode.Range(position, position));
      }
      return undefined;
    }
    return choice;
  }
}
