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
async function withCommand<T>(
  folder: string,
  fileName: string,
  command: string,
  settle: number,
  run: (page: Page, start: () => Promise<void>) => Promise<T>,
  before?: (page: Page) => Promise<void>,
): Promise<T> {
  // VS Code in a browser asks before opening a file over 10 MB (its "Open Anyway"); a reader of novels sets this.
  const server = await launcher.startCodeServer({ extraSettings: { 'workbench.editorLargeFileConfirmation': 1024 } });
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
    await before?.(page);
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

/** What opening a hostile document in the reader costs, from the command to its first block and to ready. */
export interface OpenFigures {
  /** As Playwright sees it, and from the page's own User Timing mark. */
  readonly firstBlockMs: number;
  readonly markedFirstBlockMs: number;
  readonly readyMs: number;
  /** The longest task in the workbench page meanwhile (PerformanceObserver 'longtask'). */
  readonly longestStallMs: number;
}

/**
 * Opens `fileName` and runs the reader on it in code-server, timing the command to the first block
 * (Playwright, and the page's bilingualReader.firstBlock mark) and to data-ready.
 */
export function openInReader(folder: string, fileName: string): Promise<OpenFigures> {
  return withCommand(folder, fileName, 'Bilingual Reader: Open Reader Panel', 2000, async (page, run) => {
    await watchLongTasks(page);
    const start = Date.now();
    const pressedAt = await page.evaluate(() => performance.timeOrigin + performance.now());
    await run();
    const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('#blocks .block:not(.pending)').first().waitFor({ timeout: 600_000 });
    const firstBlockMs = Date.now() - start;
    await view.locator('body[data-ready="true"]').waitFor({ timeout: 600_000 });
    const readyMs = Date.now() - start;
    const markedAt = await view.locator('body').evaluate(() => performance.timeOrigin + (performance.getEntriesByName('bilingualReader.firstBlock')[0]?.startTime ?? NaN));
    return { firstBlockMs, markedFirstBlockMs: Math.round(markedAt - pressedAt), readyMs, longestStallMs: await longestTask(page) };
  });
}

/** Starts recording the workbench page's long tasks. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: 'longtask', buffered: false });
  });
}

/** The longest task recorded since watchLongTasks, ms. */
async function longestTask(page: Page): Promise<number> {
  return Math.round(await page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks)));
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

/** What a novel costs in a preview (the reader or VS Code's Markdown preview), measured in one session. */
export interface NovelFigures {
  /** Command to the first block in the page, as Playwright sees it (it notices late in a new frame). */
  readonly firstBlockMs: number;
  /** Command to the first block, from the page's own User Timing mark (the reader's bilingualReader.firstBlock). */
  readonly markedFirstBlockMs?: number;
  /** Command to the last block in view, the panel scrolled to its end as soon as it was ready. */
  readonly lastBlockMs: number;
  /** Elements standing for blocks in the page at the end. */
  readonly domBlocks: number;
  /** The webview page's JavaScript heap (Chromium's performance.memory), MB. */
  readonly heapMB: number;
  /** Growth of Chromium's renderer processes' resident memory from before the command to the end, MB. */
  readonly rendererGrowthMB: number;
  /** The extension host's resident memory at the end, MB. */
  readonly extensionHostMB: number;
  /** Key press to the character in the editor's DOM, before the preview was opened and with it open. */
  readonly echoWithout: ReturnType<typeof summarize>;
  readonly echoWith: ReturnType<typeof summarize>;
  /** Key press near the end of the document to the character in the preview's DOM. */
  readonly editAtEnd: ReturnType<typeof summarize>;
  /** The longest task in the workbench page (PerformanceObserver 'longtask') from the command to the end. */
  readonly longestStallMs: number;
}

/** Resident memory (MB) of this machine's processes whose command line matches `pattern`, summed. */
function residentMB(pattern: RegExp): number {
  let kb = 0;
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (pattern.test(args)) {
        kb += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      }
    } catch {
      // The process ended meanwhile.
    }
  }
  return Math.round(kb / 1024);
}

const RENDERERS = /chromium.*--type=renderer/;
const EXTENSION_HOST = /bootstrap-fork.*--type=extensionHost|extensionHostProcess/;

/**
 * Key echo: for each of `runs` characters typed at the start of the document's last paragraph, the
 * time from the key press to the character in the editor's DOM and, with `view`, in that webview's
 * element `watched` (both observed with MutationObservers; Date.now() on this machine).
 */
async function typeAtEnd(page: Page, runs: number, view?: { frame: ReturnType<Page['frameLocator']>; watched: string }): Promise<{ echo: number[]; shown: number[] }> {
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Home');
  const echo: number[] = [];
  const shown: number[] = [];
  const marks = ['㐀', '㐁', '㐂', '㐃', '㐄', '㐅', '㐆', '㐇'];
  for (let i = 0; i < runs; i++) {
    const mark = marks[i % marks.length]!;
    const watch = (body: HTMLElement, [m, selector]: readonly [string, string]) => {
      delete body.dataset.seenAt;
      const observer = new MutationObserver(() => {
        if (document.querySelector(selector)?.textContent?.includes(m)) {
          body.dataset.seenAt = String(Date.now());
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    };
    await page.locator('body').evaluate(watch, [mark, '.monaco-editor .view-lines'] as const);
    if (view) {
      await view.frame.locator('body').evaluate(watch, [mark, view.watched] as const);
    }
    const sentAt = await page.evaluate(() => Date.now());
    await page.keyboard.type(mark);
    echo.push(Number(await page.locator('body[data-seen-at]').getAttribute('data-seen-at', { timeout: 30_000 })) - sentAt);
    if (view) {
      shown.push(Number(await view.frame.locator('body[data-seen-at]').getAttribute('data-seen-at', { timeout: 60_000 })) - sentAt);
    }
    await page.keyboard.press('Backspace');
    await page.waitForTimeout(400);
  }
  return { echo, shown };
}

/**
 * A novel in a preview, in one code-server session: key echo in the editor before the command; the
 * command to the first block and, the view scrolled to its end at once, to the last (`last`: its
 * selector); memory; then key echo with the preview open and each key to the preview's DOM
 * (`watched`); and the longest task the workbench page ran meanwhile.
 */
export function novelFigures(
  folder: string,
  fileName: string,
  command: string,
  selectors: { first: string; ready: string; last: string; blocks: string; watched: string; firstBlockMark?: string },
  runs: number,
): Promise<NovelFigures> {
  let echoWithout: number[] = [];
  let rendererBefore = 0;
  return withCommand(
    folder,
    fileName,
    command,
    2000,
    async (page, run) => {
      await watchLongTasks(page);
      const start = Date.now();
      const pressedAt = await page.evaluate(() => performance.timeOrigin + performance.now());
      await run();
      const view = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await view.locator(selectors.first).first().waitFor({ timeout: 600_000 });
      const firstBlockMs = Date.now() - start;
      const markedAt = selectors.firstBlockMark
        ? await view.locator('body').evaluate((_, mark) => performance.timeOrigin + (performance.getEntriesByName(mark)[0]?.startTime ?? NaN), selectors.firstBlockMark)
        : NaN;
      await view.locator(selectors.ready).first().waitFor({ timeout: 900_000 });
      await view.locator('body').evaluate(() => {
        document.scrollingElement!.scrollTop = document.scrollingElement!.scrollHeight;
        window.dispatchEvent(new Event('scroll'));
      });
      await view.locator(selectors.last).first().waitFor({ timeout: 900_000 });
      const lastBlockMs = Date.now() - start;
      const domBlocks = await view.locator(selectors.blocks).count();
      const heap = await view.locator('body').evaluate(() => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
      const typed = await typeAtEnd(page, runs, { frame: view, watched: selectors.watched });
      const longestStallMs = await longestTask(page);
      return {
        firstBlockMs,
        ...(Number.isFinite(markedAt) ? { markedFirstBlockMs: Math.round(markedAt - pressedAt) } : {}),
        lastBlockMs,
        domBlocks,
        heapMB: Math.round(heap / 1e6),
        rendererGrowthMB: residentMB(RENDERERS) - rendererBefore,
        extensionHostMB: residentMB(EXTENSION_HOST),
        echoWithout: summarize(echoWithout),
        echoWith: summarize(typed.echo),
        editAtEnd: summarize(typed.shown),
        longestStallMs,
      };
    },
    async (page) => {
      echoWithout = (await typeAtEnd(page, runs)).echo;
      rendererBefore = residentMB(RENDERERS);
    },
  );
}
