import * as vscode from 'vscode';

/**
 * The one way a problem reaches the user: written to the "Bilingual Reader" log output channel and
 * shown as a message, with an Open File action when a file is at fault (at `line`, 1-based, if
 * known) plus any `actions`. Resolves to the action chosen (Open File is handled here), or undefined.
 */
export class ProblemReporter {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  async error(message: string, options: { file?: vscode.Uri; line?: number; actions?: readonly string[] } = {}): Promise<string | undefined> {
    this.log.error(message);
    return this.show(vscode.window.showErrorMessage, message, options);
  }

  async warn(message: string, options: { file?: vscode.Uri; line?: number; actions?: readonly string[] } = {}): Promise<string | undefined> {
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
    options: { file?: vscode.Uri; line?: number; actions?: readonly string[] },
  ): Promise<string | undefined> {
    const open = vscode.l10n.t('Open File');
    const choice = await show(message, ...(options.actions ?? []), ...(options.file ? [open] : []));
    if (choice === open && options.file) {
      const editor = await vscode.window.showTextDocument(options.file);
      if (options.line && options.line > 0) {
        editor.selection = new vscode.Selection(options.line - 1, 0, options.line - 1, 0);
      }
      return undefined;
    }
    return choice;
  }
}
