import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { FrameLocator, Page } from 'playwright-core';
import type * as Launcher from '../../scripts/codeServerLauncher';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require(path.join(ROOT, 'scripts', 'codeServerLauncher.js')) as typeof Launcher;

export const ARTICLE = 'article.zh-Hant-HK.txt';

/**
 * A code-server workbench in Chromium with a workspace holding the article. The extension is the
 * packaged .vsix when $BR_VSIX names one (npm test builds it, so the UI suite checks what ships),
 * otherwise the working tree loaded as an extension under development.
 */
export class Workbench {
  private constructor(
    readonly page: Page,
    readonly workspace: string,
    private readonly cleanup: () => Promise<void>,
  ) {}

  static async open(settings: Record<string, unknown> = {}): Promise<Workbench> {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'br-ui-workspace-'));
    fs.copyFileSync(path.join(ROOT, 'samples', 'wenweipo-2025-05-22-chip-controls.zh-Hant-HK.txt'), path.join(workspace, ARTICLE));
    const vsix = process.env.BR_VSIX;
    const server = await launcher.startCodeServer({ extraSettings: settings, vsix });
    const browser = await launcher.launchBrowser();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(launcher.workbenchUrl(server, workspace, vsix ? [] : [ROOT]));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the workspace once the remote connection and extension host are up.
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
    return new Workbench(page, workspace, async () => {
      await browser.close();
      await server.stop();
      fs.rmSync(workspace, { recursive: true, force: true });
    });
  }

  /** A workbench with the article open and its reader panel rendered. */
  static async openWithReader(settings: Record<string, unknown> = {}): Promise<Workbench> {
    const workbench = await Workbench.open(settings);
    await workbench.openFile(ARTICLE);
    await workbench.runCommand('Bilingual Reader: Open Reader Panel');
    await workbench.webview().locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    return workbench;
  }

  async close(): Promise<void> {
    await this.cleanup();
  }

  /** Opens a workspace file through Quick Open, as a user would. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    // Wait for the row of this file: until the list refreshes, the first row may be a recent file.
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: 60_000 });
    await this.page.locator('.monaco-editor .view-lines').first().waitFor();
  }

  /**
   * Developer: Reload Window, which saves the workbench state (webview state included) on the way
   * out, as a user's reload does; a bare page reload can leave the browser storage unflushed.
   */
  async reloadWindow(): Promise<void> {
    const navigated = this.page.waitForEvent('framenavigated', { predicate: (frame) => frame === this.page.mainFrame(), timeout: 60_000 });
    await this.runCommand('Developer: Reload Window').catch(() => undefined);
    await navigated;
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
  }

  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
    await this.page.locator('.tab').first().waitFor({ state: 'detached' });
  }

  /** Runs a command from the command palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.locator('.monaco-workbench').focus();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Answers the input box whose prompt or title shows `prompt` (waiting for it: boxes follow one another). */
  async answerInput(prompt: string, value: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget', { hasText: prompt });
    await widget.waitFor();
    await widget.locator('input').fill(value);
    await this.page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' }).catch(() => undefined);
  }

  /** The text of the editor's rendered lines (Monaco renders only what is visible). */
  async visibleEditorText(): Promise<string> {
    return (await this.page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  }

  /** The DOM of the visible webview (the reader panel). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** Go to Line (Ctrl+G) in the active editor; the editor reveals it. */
  async goToLine(line: number): Promise<void> {
    await this.page.locator('.monaco-editor textarea').first().focus();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  async screenshot(file: string): Promise<void> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }
}
