import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * Runs inside a real VS Code (as `--extensionTestsPath`), in a window where nothing has activated the
 * extension yet: activation time, then the first Simplified and the first Traditional conversion of the
 * reference article through the commands, with the extension host's heap growth.
 */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension('bilingual-reader.bilingual-reader');
  if (!extension) {
    throw new Error('the extension is not installed');
  }
  const root = path.resolve(__dirname, '..', '..', '..');
  const article = fs.readFileSync(path.join(root, 'samples', 'wenweipo-2025-05-22-chip-controls.zh-Hant-HK.txt'), 'utf8');
  const wasActive = extension.isActive;
  let start = performance.now();
  await extension.activate();
  const activationMs = performance.now() - start;

  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: article }));
  start = performance.now();
  await vscode.commands.executeCommand('bilingualReader.toSimplified');
  const firstSimplifiedMs = performance.now() - start;
  const simplified = vscode.window.activeTextEditor!.document.getText();

  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: simplified }));
  const heapBefore = process.memoryUsage().heapUsed;
  start = performance.now();
  await vscode.commands.executeCommand('bilingualReader.toTraditionalHK');
  const firstTraditionalMs = performance.now() - start;
  const firstTraditionalHeapMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

  const results = { wasActive, activationMs, firstSimplifiedMs, firstTraditionalMs, firstTraditionalHeapMB };
  if (process.env.BR_BENCH_RESULTS) {
    fs.writeFileSync(process.env.BR_BENCH_RESULTS, JSON.stringify(results));
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
