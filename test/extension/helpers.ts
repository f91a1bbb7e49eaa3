import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'bilingual-reader.bilingual-reader';

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  return folder;
}

export function articleUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, 'article.zh-Hant-HK.txt');
}

/** The reference article as it is on disk in the test workspace. */
export function articleText(): string {
  return fs.readFileSync(articleUri().fsPath, 'utf8');
}

/**
 * An untitled editor holding `content`, active. VS Code reuses an untitled name (Untitled-1) as soon
 * as its editor closes; when the extension host is busy, a new document can come back as the closed
 * one's text under that name. Such a document is closed and another asked for, so that a test never
 * runs on the previous test's text.
 */
export async function editorWith(content: string, language = 'plaintext'): Promise<vscode.TextEditor> {
  for (let attempt = 0; ; attempt++) {
    const document = await vscode.workspace.openTextDocument({ language, content });
    const editor = await vscode.window.showTextDocument(document);
    if (editor.document.getText() === content || attempt >= 5) {
      return editor;
    }
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('bilingualReader').update(key, value, vscode.ConfigurationTarget.Workspace);
}

export function fixturePath(...segments: string[]): string {
  return path.join(workspaceFolder().uri.fsPath, ...segments);
}
