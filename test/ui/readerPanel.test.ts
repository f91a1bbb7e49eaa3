/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Some callbacks here run in the browser page (Playwright evaluate), hence the DOM typings.
import * as assert from 'assert';
import * as fs from 'fs';
import { hk2cnAsTheExtension } from '../support/expectedConversion';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { ARTICLE, ROOT, Workbench } from './workbench';

interface FixtureBlock {
  lines: string;
  kind: string;
  text: string;
}

const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'reflow', 'wenweipo-blocks.json'), 'utf8')) as {
  blocks: FixtureBlock[];
};
const hk2cn = hk2cnAsTheExtension();

async function columnTexts(reader: FrameLocator, column: 'original' | 'converted'): Promise<string[]> {
  return reader.locator(`#blocks .block .${column}`).allTextContents();
}

for (const theme of ['Default Light Modern', 'Default Dark Modern']) {
  const dark = theme.includes('Dark');
  suite(`UI: reader panel (${dark ? 'dark' : 'light'} theme)`, function () {
    this.timeout(180_000);
    let workbench: Workbench;
    let reader: FrameLocator;

    suiteSetup(async () => {
      workbench = await Workbench.open({ 'workbench.colorTheme': theme });
      await workbench.openFile(ARTICLE);
      await workbench.runCommand('Bilingual Reader: Open Reader Panel');
      reader = workbench.webview();
      await reader.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    });
    suiteTeardown(async () => {
      await workbench?.close();
    });

    test('shows the reviewed blocks, each beside its hk → cn conversion', async () => {
      const original = await columnTexts(reader, 'original');
      const converted = await columnTexts(reader, 'converted');
      assert.deepStrictEqual(original, fixture.blocks.map((b) => b.text));
      assert.deepStrictEqual(converted, fixture.blocks.map((b) => hk2cn(b.text)));
      assert.ok(converted.some((text) => text.includes('昇腾')), 'the Simplified column spells Huawei’s chip as the glossary does');
      await workbench.screenshot(path.join(ROOT, 'docs', 'images', `reader-${dark ? 'dark' : 'light'}.png`));
    });

    if (dark) {
      return;
    }

    test('an edit in the editor shows in the panel without a reload', async () => {
      const firstRow = reader.locator('#blocks .block').first();
      await firstRow.evaluate((row) => row.setAttribute('data-marker', 'kept'));
      await workbench.page.keyboard.press('Control+Home');
      await workbench.page.keyboard.press('ArrowDown');
      await workbench.page.keyboard.type('體驗');
      await reader.locator('#blocks .block .converted', { hasText: '体验香港文汇报讯' }).waitFor({ timeout: 30_000 });
      // The patch replaced only the edited block: a later row is the same element as before.
      assert.strictEqual(await reader.locator('#blocks .block[data-marker="kept"]').count(), 0);
      assert.strictEqual(await reader.locator('#blocks .block').count(), fixture.blocks.length);
      await workbench.page.keyboard.press('Control+Z');
      await reader.locator('#blocks .block .converted', { hasText: '体验香港文汇报讯' }).waitFor({ state: 'detached', timeout: 30_000 });
    });

    test('scrolling the editor scrolls the panel to the same block, and back', async () => {
      await workbench.goToLine(300);
      await workbench.page.waitForTimeout(500);
      const topLine = async () =>
        reader.locator('body').evaluate(() => {
          const rows = [...document.querySelectorAll<HTMLElement>('#blocks .block')];
          const top = document.scrollingElement!.scrollTop;
          const row = rows.filter((r) => r.offsetTop <= top + 40).pop() ?? rows[0]!;
          return Number(row.dataset.startLine);
        });
      const panelLine = await topLine();
      assert.ok(panelLine > 250 && panelLine < 300, `panel shows line ${panelLine + 1} at the top`);

      // Now the panel: scroll it to the block of line 44 (0-based 43) and read the editor's first line.
      await reader.locator('#blocks .block[data-start-line="43"]').evaluate((row: HTMLElement) => {
        document.scrollingElement!.scrollTop = row.offsetTop;
        window.dispatchEvent(new Event('scroll'));
      });
      await workbench.page.waitForFunction(() => {
        const numbers = [...document.querySelectorAll('.monaco-editor .margin-view-overlays .line-numbers')].map((n) =>
          Number(n.textContent),
        );
        // Monaco also renders a few lines just above the viewport.
        const first = Math.min(...numbers.filter((n) => n > 0));
        return first >= 36 && first <= 46;
      }, undefined, { timeout: 10_000 });
    });

    test('double-clicking a block reveals its lines in the editor', async () => {
      await reader.locator('#blocks .block[data-start-line="43"] .converted').dblclick();
      await workbench.page.locator('.statusbar-item', { hasText: 'Ln 44, Col 1' }).waitFor({ timeout: 10_000 });
    });

    test('toolbar options change the layout and show the original line breaks', async () => {
      await reader.locator('#layout').selectOption('interlinear');
      await reader.locator('body[data-layout="interlinear"]').waitFor();
      await reader.locator('#showLineBreaks').check();
      const block = reader.locator('#blocks .block .original', { hasText: '康京和表示' });
      // The re-render with the source's line breaks arrives after the toggle: wait for it, not for the old text.
      await reader.locator('body.show-line-breaks').waitFor();
      for (let tries = 0; tries < 100 && !((await block.evaluate((cell) => cell.textContent)) ?? '').includes('\n'); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.strictEqual(
        await block.evaluate((cell) => cell.textContent),
        '康京和表示，亞洲協會對中國數千年的文化積\n\n澱有着深刻了解，願繼續分享基於事實、客觀的\n對華認知，同更多美國有識之士一道，為消除誤\n解、促進理解搭建對話平台。',
      );
      // A word a line break splits converts whole: Taiwan phrases turn 人工智⏎能 into 人工智⏎慧.
      await reader.locator('#direction').selectOption('cn>twp');
      const split = reader.locator('#blocks .block .converted', { hasText: '慧領域' });
      await split.waitFor({ timeout: 15_000 });
      assert.ok(((await split.textContent()) ?? '').includes('人工智\n慧領域'), await split.textContent() ?? '');
      await reader.locator('#direction').selectOption('hk>cn');
      await reader.locator('#blocks .block .converted', { hasText: '能领域' }).waitFor({ timeout: 15_000 });
    });

    test('the panel comes back after a window reload, with its layout', async () => {
      await workbench.reloadWindow();
      reader = workbench.webview();
      await reader.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
      assert.strictEqual(await reader.locator('body').getAttribute('data-layout'), 'interlinear');
      assert.strictEqual(await reader.locator('#blocks .block').count(), fixture.blocks.length);
    });
  });
}
