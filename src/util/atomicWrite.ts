import * as vscode from 'vscode';

/**
 * Writes a file so that a crash leaves either the old or the new content, never a torn file:
 * the bytes go to a temporary sibling first, which is then renamed over the target.
 */
export async function writeFileAtomically(uri: vscode.Uri, content: Uint8Array): Promise<void> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(uri, '..', `.${name}.${Date.now().toString(36)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, content);
  try {
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
