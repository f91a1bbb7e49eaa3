/// <reference lib="dom" />
// Runs in code-server through Playwright; the callbacks passed to evaluate run in the page.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import type * as Launcher from '../scripts/codeServerLauncher';
import { summarize } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require(path.join(ROOT, 'scripts', 'codeServerLauncher.js')) as typeof Launcher;

/**
 * End to end: a key typed into the editor (Playwright) until the reader panel's DOM holds the
 * typed character, on a 1 MB article. Timestamps on both sides come from Date.now() on this machine.
 */
export function readerEditEndToEnd(folder: string, fileName: string, runs = 40): Promise<ReturnType<typeof summarize>> {
  return editToWebview(folder, fileName, 'Bilingual Reader: Open Reader Panel', 'body[data-ready="true"]', '#blocks', runs);
}

/** The same measure for VS Code's built-in Markdown preview, on a Markdown file of the same size. */
export function markdownPreviewEndToEnd(folder: string, fileName: string, runs = 40): Promise<ReturnType<typeof summarize>> {
  return editToWebview(folder, fileName, 'Markdown: Open Preview to the Side', 'body .markdown-body, body', 'body', runs);
}

/**
 * In a fresh code-server with the working tree as the extension: opens `fileName` of `folder` (Quick
 * Open), waits `settle` ms, then picks `command` in the palette; `run` gets the page and a function
 * that presses Enter on it, so that it can start a clock first. Everything is closed afterwards.
 */
async function withCommand<T>(folder: string, fileName: string, command: string, settle: number, run: (page: Page, start: () => Promise<void>) => Promise<T>): Promise<T> {
  const server = await launcher.startCodeServer();
  const browser = await launcher.launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(launcher.workbenchUrl(server, folder, [ROOT]));
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(fileName);
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 120_000 });
    await page.waitForTimeout(settle);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill(`>${command}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command.split(': ')[1]! }).first().waitFor();
    return await run(page, () => page.keyboard.press('Enter'));
  } finally {
    await browser.close();
    await server.stop();
  }
}

function editToWebview(folder: string, fileName: string, command: string, readySelector: string, watched: string, runs: number): Promise<ReturnType<typeof summarize>> {
  return withCommand(folder, fileName, command, 0, async (page, start) => {
    await start();
    const reader = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await reader.locator(readySelector).first().waitFor({ timeout: 120_000 });
    // Let the first render settle.
    await page.waitForTimeout(2000);
    // Type at the start of line 3, inside the first paragraph.
    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const samples: number[] = [];
    const marks = ['㐀', '㐁', '㐂', '㐃', '㐄', '㐅', '㐆', '㐇'];
    for (let i = 0; i < runs; i++) {
      const mark = marks[i % marks.length]!;
      await reader.locator('body').evaluate(
        (body, [m, selector]) => {
          delete body.dataset.seenAt;
          // Looked up on every mutation: a preview may replace its whole content.
          const observer = new MutationObserver(() => {
            if (document.querySelector(selector!)?.textContent?.includes(m!)) {
              body.dataset.seenAt = String(Date.now());
              observer.disconnect();
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        },
        [mark, watched] as const,
      );
      const sentAt = await page.evaluate(() => Date.now());
      await page.keyboard.type(mark);
      const seenAt = Number(await reader.locator('body[data-seen-at]').getAttribute('data-seen-at', { timeout: 10_000 }));
      samples.push(seenAt - sentAt);
      await page.keyboard.press('Backspace');
      // Past the panel's coalescing window and the preview's debounce, so each run starts idle.
      await page.waitForTimeout(400);
    }
    return summarize(samples);
  });
}

export function removeFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}

/** What opening a long document in a preview costs, from the command to its first and last block. */
export interface OpenFigures {
  readonly firstBlockMs: number;
  readonly readyMs: number;
  /** Elements standing for blocks in the page once ready (rows for the reader, children for the preview). */
  readonly domBlocks: number;
  /** The webview page's JavaScript heap once ready (Chromium's performance.memory), MB. */
  readonly heapMB: number;
}

/**
 * Opens `fileName` and runs `command` (the reader, or the Markdown preview) in code-server, timing
 * the command to the first block in the page and to ready (the reader's data-ready, the preview's
 * last paragraph).
 */
export function openLongDocument(folder: string, fileName: string, command: string, firstSelector: string, readySelector: string, blockSelector: string): Promise<OpenFigures> {
  return withCommand(folder, fileName, command, 2000, async (page, run) => {
    const start = Date.now();
    await run();
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator(firstSelector).first().waitFor({ timeout: 600_000 });
    const firstBlockMs = Date.now() - start;
    await view.locator(readySelector).first().waitFor({ timeout: 900_000 });
    const readyMs = Date.now() - start;
    const domBlocks = await view.locator(blockSelector).count();
    const heap = await view.locator('body').evaluate(() => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    return { firstBlockMs, readyMs, domBlocks, heapMB: Math.round(heap / 1e6) };
  });
}

/**
 * A Traditional novel of about `megabytes` MB (UTF-8): paragraphs of one to four sentences of the
 * reference article, each on an indented line, as web novels are saved.
 */
export function novelText(article: string, megabytes: number): string {
  const sentences = article
    .replace(/\s+/g, '')
    .split(/(?<=[。！？])/)
    .filter((s) => s.length > 4 && !/[●■▲]/.test(s));
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < megabytes * 1e6; i++) {
    let line = '　　';
    for (let k = 0; k < 1 + (i % 4); k++) {
      line += sentences[(i * 7 + k) % sentences.length];
    }
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return lines.join('\n') + '\n';
}
