// Starts code-server with the extension under development, opens the sample article and its reader
// panel in a Chromium window (headless when there is no display: it then saves a screenshot instead).
// Stops with Ctrl+C.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer, launchBrowser, workbenchUrl, ROOT } = require('./codeServerLauncher');

const ARTICLE = 'wenweipo-2025-05-22-chip-controls.zh-Hant-HK.txt';

async function main() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bilingual-reader-sample-'));
  fs.copyFileSync(path.join(ROOT, 'samples', ARTICLE), path.join(workspace, ARTICLE));
  const server = await startCodeServer({ port: Number(process.env.PORT) || undefined });
  const url = workbenchUrl(server, workspace, [ROOT]);
  const headless = !process.env.DISPLAY || process.env.BR_HEADLESS === '1';
  const browser = await launchBrowser({ headless });
  const page = browser.context.pages()[0] || (await browser.context.newPage());
  await page.goto(url);
  await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(ARTICLE);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  // The main job: the reader panel beside the article.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Bilingual Reader: Open Reader Panel');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Reader Panel' }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame').locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
  console.log(`Bilingual Reader is running in code-server: the sample article with its reader panel.`);
  console.log(`Open ${url} in a browser to use it there: F1 → "Bilingual Reader: Open Reader Panel" and the other Bilingual Reader commands.`);
  if (headless) {
    const shot = path.join(ROOT, 'test-results', 'start.png');
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    console.log(`No display: a screenshot of the workbench is in ${path.relative(process.cwd(), shot)}.`);
  }
  const stop = async () => {
    await browser.close();
    await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.BR_START_EXIT_AFTER_OPEN) await stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
