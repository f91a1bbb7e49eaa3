import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import type { SidecarFileSystem } from '../core/annotations/sidecarStore';
import { uriBasename } from '../util/uris';
import { relativeSourcePath } from './sidecarLocation';
import { readTextIfPresent } from '../util/files';
import { isTemporaryOf } from '../core/files/atomicWrite';

/**
 * The sidecar store's file system over vscode.workspace.fs (local, remote and virtual files), with
 * what workspace.fs does not report for local files — a symbolic link itself, and write permission —
 * read with Node's lstat.
 */
export class WorkspaceSidecarFileSystem implements SidecarFileSystem<vscode.Uri> {
  key(file: vscode.Uri): string {
    return file.toString();
  }

  readText(file: vscode.Uri): Promise<string | undefined> {
    return readTextIfPresent(file);
  }

  /**
   * The text of the newest temporary beside `file` left by an interrupted atomic write of it (VS Code
   * deletes before it renames) that `valid` accepts, if any: what to read while `file` is missing.
   */
  async interruptedWrite(file: vscode.Uri, valid: (text: string) => boolean): Promise<string | undefined> {
    const name = uriBasename(file);
    const temporaries = (await this.siblings(file).catch(() => [])).filter((s) => isTemporaryOf(s.name, name)).sort((a, b) => b.mtime - a.mtime);
    for (const temporary of temporaries) {
      const text = await this.readText(temporary.file).catch(() => undefined);
      if (text !== undefined && valid(text)) {
        return text;
      }
    }
    return undefined;
  }

  async obstacle(file: vscode.Uri): Promise<string | undefined> {
    let kind: { directory: boolean; link: boolean; readOnly: boolean };
    try {
      if (file.scheme === 'file') {
        const stat = await fs.lstat(file.fsPath);
        kind = { directory: stat.isDirectory(), link: stat.isSymbolicLink(), readOnly: (stat.mode & 0o222) === 0 };
      } else {
        const stat = await vscode.workspace.fs.stat(file);
        kind = {
          directory: (stat.type & vscode.FileType.Directory) !== 0,
          link: (stat.type & vscode.FileType.SymbolicLink) !== 0,
          readOnly: ((stat.permissions ?? 0) & vscode.FilePermission.Readonly) !== 0,
        };
      }
    } catch {
      return undefined;
    }
    if (kind.directory) {
      return vscode.l10n.t('a folder has its name');
    }
    if (kind.link) {
      return vscode.l10n.t('it is a symbolic link');
    }
    return kind.readOnly ? vscode.l10n.t('it is read-only') : undefined;
  }

  async siblings(file: vscode.Uri): Promise<{ name: string; file: vscode.Uri; mtime: number }[]> {
    const folder = vscode.Uri.joinPath(file, '..');
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return [];
    }
    const files = entries.filter(([, type]) => type === vscode.FileType.File);
    return Promise.all(
      files.map(async ([name]) => {
        const uri = vscode.Uri.joinPath(folder, name);
        const mtime = await Promise.resolve(vscode.workspace.fs.stat(uri)).then((s) => s.mtime, () => Date.now());
        return { name, file: uri, mtime };
      }),
    );
  }

  async move(from: vscode.Uri, to: vscode.Uri): Promise<void> {
    await vscode.workspace.fs.rename(from, to, { overwrite: false });
  }

  async copy(from: vscode.Uri, to: vscode.Uri): Promise<void> {
    await vscode.workspace.fs.copy(from, to, { overwrite: false });
  }

  async createParent(file: vscode.Uri): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
  }

  child(folder: vscode.Uri, name: string): vscode.Uri {
    return vscode.Uri.joinPath(folder, name);
  }

  sourcePath(sidecar: vscode.Uri, document: vscode.Uri): string {
    return relativeSourcePath(sidecar, document);
  }

  async writeFile(file: vscode.Uri, data: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(file, data);
  }

  async rename(from: vscode.Uri, to: vscode.Uri): Promise<void> {
    await vscode.workspace.fs.rename(from, to, { overwrite: true });
  }

  async delete(file: vscode.Uri): Promise<void> {
    await vscode.workspace.fs.delete(file);
  }

  sibling(file: vscode.Uri, name: string): vscode.Uri {
    return vscode.Uri.joinPath(file, '..', name);
  }

  basename(file: vscode.Uri): string {
    return uriBasename(file);
  }
}
