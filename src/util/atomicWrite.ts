import * as vscode from 'vscode';
import { AtomicFileSystem, writeAtomically } from '../core/files/atomicWrite';
import { uriBasename } from './uris';

/** vscode.workspace.fs as the core's atomic-write file system: works for local, remote and virtual files. */
const workspaceFileSystem: AtomicFileSystem<vscode.Uri> = {
  writeFile: (file, data) => Promise.resolve(vscode.workspace.fs.writeFile(file, data)),
  rename: (from, to) => Promise.resolve(vscode.workspace.fs.rename(from, to, { overwrite: true })),
  delete: (file) => Promise.resolve(vscode.workspace.fs.delete(file)),
  sibling: (file, name) => vscode.Uri.joinPath(file, '..', name),
  basename: uriBasename,
};

/** Writes a file through a temporary sibling and a rename: a crash leaves the old or the new file, never a torn one. */
export function writeFileAtomically(uri: vscode.Uri, content: Uint8Array): Promise<void> {
  return writeAtomically(workspaceFileSystem, uri, content);
}
