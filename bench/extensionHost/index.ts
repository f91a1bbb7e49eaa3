import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * Runs inside a real VS Code (as `--extensionTestsPath`), in a window where nothing has activated the
 * extension yet: activation time; the first Simplified conversion of the reference article through the
 * extension's API (loading OpenCC, building the converter, converting) and then through the command
 * (which adds applying ~1,500 replacements to an editor); the same command again, warm; the first
 * Traditional conversion through the API (segmentation off), with the extension host's heap growth;
 * the reader opened on the Simplified article before word segmentation has loaded, then again; the
 * Traditional command and API with segmentation; the reader's render of the article with readings off
 * and on; the first dictionary hover.
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

  // From `begin` to the panel's first and last render messages (the last may already have been posted).
  const timeRender = (uri: vscode.Uri, begin: number): Promise<{ firstMs: number; lastMs: number }> => {
    const panel = (extension.exports as { readerPanelFor(uri: vscode.Uri): { onDidPostMessage: vscode.Event<{ type: string; done?: boolean }> } | undefined }).readerPanelFor(uri)!;
    return new Promise((resolve) => {
      let firstMs: number | undefined;
      const listener = panel.onDidPostMessage((m) => {
        if (m.type === 'render') {
          firstMs ??= performance.now() - begin;
          if (m.done) {
            listener.dispose();
            resolve({ firstMs, lastMs: performance.now() - begin });
          }
        }
      });
    });
  };

  const api = extension.exports as { convertText(text: string, direction: { from: string; to: string }): string };
  start = performance.now();
  api.convertText(article, { from: 'hk', to: 'cn' });
  const firstSimplifiedApiMs = performance.now() - start;

  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: article }));
  start = performance.now();
  await vscode.commands.executeCommand('bilingualReader.toSimplified');
  const firstSimplifiedMs = performance.now() - start;
  const simplified = vscode.window.activeTextEditor!.document.getText();

  // The same conversion again, converter built: what the edit itself costs.
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: article }));
  start = performance.now();
  await vscode.commands.executeCommand('bilingualReader.toSimplified');
  const secondSimplifiedMs = performance.now() - start;

  const settings = vscode.workspace.getConfiguration('bilingualReader');
  await settings.update('conversion.segmentation', 'none', vscode.ConfigurationTarget.Global);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: simplified }));
  const heapBefore = process.memoryUsage().heapUsed;
  start = performance.now();
  api.convertText(simplified, { from: 'cn', to: 'hk' });
  const firstTraditionalApiMs = performance.now() - start;
  const firstTraditionalHeapMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  await settings.update('conversion.segmentation', undefined, vscode.ConfigurationTarget.Global);

  // The reader on a Simplified article opened at once, before the idle-time load of jieba: the panel
  // loads it and builds the segmented converter before its first block. Then the same, all loaded.
  const readerOnSimplified = async (): Promise<{ firstMs: number; lastMs: number }> => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: simplified });
    await vscode.window.showTextDocument(document);
    const begin = performance.now();
    await vscode.commands.executeCommand('bilingualReader.openReader', document.uri);
    return timeRender(document.uri, begin);
  };
  const readerSimplifiedCold = await readerOnSimplified();
  const readerSimplifiedWarm = await readerOnSimplified();

  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: simplified }));
  start = performance.now();
  await vscode.commands.executeCommand('bilingualReader.toTraditionalHK');
  const firstTraditionalMs = performance.now() - start;
  start = performance.now();
  api.convertText(simplified, { from: 'cn', to: 'hk' });
  const segmentedTraditionalApiMs = performance.now() - start;

  // The reader on the article, from the command to its last block posted: readings off, then on
  // (the first time with readings on loads CC-CEDICT), then on again.
  const paint = async (ruby: boolean): Promise<number> => {
    await vscode.workspace.getConfiguration('bilingualReader').update('reader.pinyin', ruby, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: article });
    await vscode.window.showTextDocument(document);
    const begin = performance.now();
    await vscode.commands.executeCommand('bilingualReader.openReader', document.uri);
    return (await timeRender(document.uri, begin)).lastMs;
  };
  const readerPaintMs = await paint(false);
  const readerPaintFirstRubyMs = await paint(true);
  const readerPaintRubyMs = await paint(true);
  await vscode.workspace.getConfiguration('bilingualReader').update('reader.pinyin', undefined, vscode.ConfigurationTarget.Global);

  // The first dictionary hover of the window (CC-CEDICT loads, the word is read in its line), then another.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const hoverDocument = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '盒子裏面有兩本書，衣服還沒乾。' });
  await vscode.window.showTextDocument(hoverDocument);
  start = performance.now();
  await vscode.commands.executeCommand('vscode.executeHoverProvider', hoverDocument.uri, new vscode.Position(0, 0));
  const firstHoverMs = performance.now() - start;
  start = performance.now();
  await vscode.commands.executeCommand('vscode.executeHoverProvider', hoverDocument.uri, new vscode.Position(0, 13));
  const secondHoverMs = performance.now() - start;

  const results = {
    wasActive,
    activationMs,
    firstSimplifiedApiMs,
    firstSimplifiedMs,
    secondSimplifiedMs,
    firstTraditionalApiMs,
    firstTraditionalMs,
    firstTraditionalHeapMB,
    readerSimplifiedColdFirstMs: readerSimplifiedCold.firstMs,
    readerSimplifiedColdLastMs: readerSimplifiedCold.lastMs,
    readerSimplifiedWarmFirstMs: readerSimplifiedWarm.firstMs,
    readerSimplifiedWarmLastMs: readerSimplifiedWarm.lastMs,
    segmentedTraditionalApiMs,
    readerPaintMs,
    readerPaintFirstRubyMs,
    readerPaintRubyMs,
    firstHoverMs,
    secondHoverMs,
  };
  if (process.env.BR_BENCH_RESULTS) {
    fs.writeFileSync(process.env.BR_BENCH_RESULTS, JSON.stringify(results));
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
