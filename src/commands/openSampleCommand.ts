import * as vscode from 'vscode';
import { CommandId } from '../commandIds';

/**
 * `bilingualReader.openSample`: the extension's sample article (media/sample.zh-Hant-HK.txt, written
 * for it) in a new untitled editor, so that trying things never changes a file of the extension, and
 * its reader panel beside it. Resolves to the document.
 */
export class OpenSampleCommand {
  static readonly id = CommandId.OpenSample;

  constructor(private readonly extensionUri: vscode.Uri) {}

  async execute(): Promise<vscode.TextDocument> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'media', 'sample.zh-Hant-HK.txt'));
    const document = await vscode.workspace.openTextDocument({ content: new TextDecoder().decode(bytes), language: 'plaintext' });
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand(CommandId.OpenReader, document.uri);
    return document;
  }
}
