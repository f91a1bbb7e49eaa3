import * as vscode from 'vscode';
import { uriBasename } from '../util/uris';

export const SIDECAR_SUFFIX = '.annotations.json';

/** The suffix of a document's translation file (translation/translationStore.ts). */
export const TRANSLATION_SUFFIX = '.translation.json';

/**
 * Where a document's notes live: `<file name>.annotations.json` beside it (default), or with
 * `bilingualReader.annotations.location` set to `folder`, in `.annotations/` at the root of its
 * workspace folder, mirroring the document's path. Untitled documents have none. With `suffix`
 * TRANSLATION_SUFFIX, where its translation lives, by the same rule.
 */
export function sidecarUriFor(document: vscode.Uri, suffix: string = SIDECAR_SUFFIX): vscode.Uri | undefined {
  // Untitled documents have no place to keep a sidecar; read-only and virtual ones (git, output) none either.
  if (
    document.scheme === 'untitled' ||
    document.path.endsWith(SIDECAR_SUFFIX) ||
    document.path.endsWith(TRANSLATION_SUFFIX) ||
    vscode.workspace.fs.isWritableFileSystem(document.scheme) !== true
  ) {
    return undefined;
  }
  const name = uriBasename(document);
  const location = vscode.workspace.getConfiguration('bilingualReader', document).get<string>('annotations.location', 'beside');
  const folder = vscode.workspace.getWorkspaceFolder(document);
  if (location === 'folder' && folder) {
    const relative = document.path.slice(folder.uri.path.length).replace(/^\/+/, '');
    return vscode.Uri.joinPath(folder.uri, '.annotations', `${relative}${suffix}`);
  }
  return vscode.Uri.joinPath(document, '..', `${name}${suffix}`);
}

/** The document's path as written in its sidecar: relative to the sidecar's folder. */
export function relativeSourcePath(sidecar: vscode.Uri, document: vscode.Uri): string {
  const from = sidecar.path.split('/').slice(0, -1);
  const to = document.path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) {
    common++;
  }
  return [...Array(from.length - common).fill('..'), ...to.slice(common)].join('/');
}
