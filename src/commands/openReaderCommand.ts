import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { uriArgument } from '../util/uris';
import { ReaderPanel } from '../reader/readerPanel';
import { ReaderPanelManager } from '../reader/readerPanelManager';
import type { ProblemReporter } from '../util/problemReporter';

/** `bilingualReader.openReader`: the reader panel for a document (argument: a URI; default the active editor's). */
export class OpenReaderCommand {
  static readonly id = CommandId.OpenReader;

  constructor(
    private readonly manager: ReaderPanelManager,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<ReaderPanel | undefined> {
    const uri = uriArgument(argument) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a text document to read it in the reader panel.'));
      return undefined;
    }
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      void this.problems.error(vscode.l10n.t('Cannot open {0} in the reader: {1}', uri.toString(), String(error)));
      return undefined;
    }
    return this.manager.open(document);
  }
}
