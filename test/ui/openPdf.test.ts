/// <reference lib="dom" />
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { drawLines, drawPdf } from '../support/pdfkit';
import { Workbench } from './workbench';

/** A newspaper-like page: a headline across two columns, a caption drawn twice for bold. */
function newspaperPage(): Promise<Buffer> {
  return drawPdf((doc) => {
    doc.fontSize(18).text('美企圖封殺華為芯片', 60, 60, { lineBreak: false }).fontSize(12);
    drawLines(doc, 60, 110, ['香港文匯報訊 美國商務部', '近日發布新規。']);
    drawLines(doc, 320, 110, ['中方表示，美方措施', '是典型的單邊霸凌。']);
    doc.text('●資料圖片', 60, 200, { lineBreak: false }).text('●資料圖片', 60.4, 200.2, { lineBreak: false });
  });
}

suite('UI: a PDF from the Explorer to the reader (issue 16)', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await Workbench.open();
    fs.writeFileSync(path.join(workbench.workspace, 'page.pdf'), await newspaperPage());
    // Written after the Explorer showed the folder: opened once through Quick Open (VS Code shows a
    // binary file's notice), the Explorer reveals it at once rather than when its watcher reports it.
    await workbench.page.keyboard.press('Control+P');
    await workbench.page.locator('.quick-input-widget input').fill('page.pdf');
    await workbench.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'page.pdf' }).waitFor({ timeout: 30_000 });
    await workbench.page.keyboard.press('Enter');
    await workbench.page.locator('.tab.active[aria-label*="page.pdf"]').waitFor({ timeout: 30_000 });
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('Open PDF… in the Explorer’s menu writes page.txt, columns in order, and shows it in the reader panel', async () => {
    const row = workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'page.pdf' });
    await row.waitFor({ timeout: 30_000 });
    await row.click({ button: 'right' });
    // The menu takes keys once it has the focus: the item is hovered, then chosen with Enter.
    const item = workbench.page.locator('.context-view .action-item', { hasText: 'Open PDF…' });
    await item.hover();
    await workbench.page.keyboard.press('Enter');
    const reader = workbench.webview();
    await reader.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    const original = await reader.locator('#blocks .original').allTextContents();
    assert.deepStrictEqual(original, ['美企圖封殺華為芯片', '香港文匯報訊 美國商務部近日發布新規。', '●資料圖片', '中方表示，美方措施是典型的單邊霸凌。']);
    assert.strictEqual(fs.readFileSync(path.join(workbench.workspace, 'page.txt'), 'utf8'), `${original.join('\n\n')}\n`);
  });
});
