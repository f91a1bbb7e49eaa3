import * as vscode from 'vscode';

/** Whether `error` is vscode.workspace.fs saying that nothing is at the path. */
export function isFileNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

/**
 * The file's text (UTF-8) through vscode.workspace.fs, or undefined when nothing is there.
 * @throws any other failure (permissions, a folder at the path): callers must not take it for absence
 */
export async function readTextIfPresent(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (isFileNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}
