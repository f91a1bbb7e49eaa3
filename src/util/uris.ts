import * as vscode from 'vscode';

/** The last segment of a URI's path (the file name). */
export function uriBasename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A command argument naming a file: a vscode.Uri, a URI string, or a plain file path; undefined otherwise. */
export function uriArgument(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) {
    return value;
  }
  if (typeof value !== 'string' || value.length === 0) {
    return undefined;
  }
  // A scheme of two letters or more; "C:\…" and "/…" are paths.
  return /^[a-zA-Z][\w+.-]+:/.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
}
