/// <reference lib="dom" />
// Some callbacks here run in the browser page (Playwright evaluate), hence the DOM typings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Workbench } from './workbench';

/** 1,500 short paragraphs of varying length: the panel keeps only the rows near its viewport in the DOM. */
const PARAGRAPHS = 1500;
const paragraph = (i: number) => `第${i + 1}段：美國商務部表示，將收緊對華先進晶片的出口管制${'，涉及多家企業'.repeat(1 + (i % 4))}。`;
const LONG = Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('\n\n') + '\n';

suite('UI: a long document in the reader panel (issue 13)', function () {
  this.timeout(240_000);
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await Workbench.open();
    fs.writeFileSync(path.join(workbench.workspace, 'long.txt'), LONG);
    await workbench.openFile('long.txt');
    await workbench.runCommand('Bilingual Reader: Open Reader Panel');
    await workbench.webview().locator('body[data-ready="true"]').waitFor({ timeout: 120_000 });
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('only the rows near the viewport are in the DOM', async () => {
    const rows = await workbench.webview().locator('#blocks .block').count();
    assert.ok(rows > 0 && rows < 300, `${rows} rows in the DOM for ${PARAGRAPHS} blocks`);
  });

  test('scrolling the editor near the end brings the panel there, rendering those rows', async () => {
    const line = 2 * 1400; // paragraph 1401, 0-based line 2800
    await workbench.goToLine(line + 1);
    const reader = workbench.webview();
    await reader.locator(`#blocks .block[data-start-line="${line}"]`).waitFor({ timeout: 10_000 });
    const top = await reader.locator('body').evaluate(() => {
      const rows = [...document.querySelectorAll<HTMLElement>('#blocks .block')];
      const scrollTop = document.scrollingElement!.scrollTop;
      const row = rows.filter((r) => r.offsetTop <= scrollTop + 40).pop() ?? rows[0]!;
      return Number(row.dataset.startLine);
    });
    assert.ok(Math.abs(top - line) <= 20, `the panel shows line ${top + 1} at the top for line ${line + 1}`);
  });

  test('scrolling the panel to its end shows the last paragraph', async () => {
    const reader = workbench.webview();
    await reader.locator('body').evaluate(() => {
      document.scrollingElement!.scrollTop = document.scrollingElement!.scrollHeight;
      window.dispatchEvent(new Event('scroll'));
    });
    const last = reader.locator(`#blocks .block[data-start-line="${2 * (PARAGRAPHS - 1)}"]`);
    await last.waitFor({ timeout: 10_000 });
    // In view, not merely in the DOM somewhere.
    const inView = await last.evaluate((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    });
    assert.ok(inView, 'the last paragraph is in view');
    const text = await reader.locator(`#blocks .block[data-start-line="${2 * (PARAGRAPHS - 1)}"] .original`).textContent();
    assert.strictEqual(text, paragraph(PARAGRAPHS - 1));
    assert.ok((await reader.locator('#blocks .block').count()) < 300);
  });

  test('Ctrl+F in the panel finds text in rows that are not rendered, and goes to it', async () => {
    const reader = workbench.webview();
    await reader.locator('body').evaluate(() => {
      document.scrollingElement!.scrollTop = 0;
      window.dispatchEvent(new Event('scroll'));
    });
    await reader.locator('#blocks .block').first().click();
    assert.strictEqual(await reader.locator('#blocks .block[data-start-line="2898"]').count(), 0, 'paragraph 1450 is not rendered yet');
    await workbench.page.keyboard.press('Control+F');
    await reader.locator('#find-input').waitFor();
    // Typing goes to the first match (the original column), Enter to the next (the converted one).
    await reader.locator('#find-input').fill('第1450段');
    await reader.locator('#blocks .block[data-start-line="2898"]').waitFor({ timeout: 10_000 });
    assert.strictEqual(await reader.locator('#find-status').textContent(), '1 of 2');
    await reader.locator('#find-input').press('Enter');
    assert.strictEqual(await reader.locator('#find-status').textContent(), '2 of 2');
    assert.ok(await reader.locator('body').evaluate(() => CSS.highlights.has('find-match')));
    await reader.locator('#find-input').press('Escape');
    assert.ok(await reader.locator('#find').isHidden());
  });

  test('an edit at the top shows in the panel, whose first row stays in view', async () => {
    const reader = workbench.webview();
    await workbench.goToLine(1);
    await reader.locator('#blocks .block[data-start-line="0"]').waitFor({ timeout: 10_000 });
    await workbench.page.keyboard.press('Home');
    await workbench.page.keyboard.type('㐀');
    await reader.locator('#blocks .block[data-start-line="0"] .original', { hasText: '㐀第1段' }).waitFor({ timeout: 10_000 });
    const inView = await reader.locator('#blocks .block[data-start-line="0"]').evaluate((row) => {
      const box = row.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    });
    assert.ok(inView, 'the edited first paragraph is in view');
    await workbench.page.keyboard.press('Backspace');
  });
});
