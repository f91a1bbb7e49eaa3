import * as vscode from 'vscode';
import { uriArgument, uriBasename } from '../util/uris';

/**
 * Where an export goes: the command's `target` argument (a URI or a path), or the file the user picks
 * in a save dialog that offers `<document name>.<suffix>` beside the document; undefined when the
 * user cancels.
 */
export async function exportTarget(target: unknown, document: vscode.Uri, suffix: string, filters?: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  return uriArgument(target) ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(document, '..', `${uriBasename(document)}.${suffix}`), filters }));
}
