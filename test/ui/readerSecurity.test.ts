/// <reference lib="dom" />
// Some callbacks here run in the browser page (Playwright evaluate), hence the DOM typings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Workbench } from './workbench';

const HOSTILE = [
  '<script>document.body.dataset.pwned = "script"</script>',
  '<img src=x onerror="document.body.dataset.pwned = \'img\'">',
  '</div></main><b>not bold</b><style>body{display:none}</style>',
  '<a href="javascript:document.body.dataset.pwned=1">javascript:alert(1)</a>',
  '漢字\u202eabc\u202c 和 \u2067右到左\u2069 完。',
  '',
].join('\n');

suite('UI: the reader panel renders hostile articles as inert text', function () {
  this.timeout(240_000);
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await Workbench.open();
    fs.writeFileSync(path.join(workbench.workspace, 'hostile.txt'), HOSTILE);
    // One 5 MB line (UTF-8) of Traditional text.
    fs.writeFileSync(path.join(workbench.workspace, 'one-line.txt'), '實體清單與出口管制。'.repeat(Math.ceil(5e6 / 30)));
    // 100,000 combining marks on one character (Zalgo text): laid out whole, it froze the window.
    fs.writeFileSync(path.join(workbench.workspace, 'marks.txt'), `出口管制\u0301${'\u0301'.repeat(99_999)}完。\n`);
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('markup, script URLs and bidi controls show as text, and nothing runs', async () => {
    await workbench.openFile('hostile.txt');
    await workbench.runCommand('Bilingual Reader: Open Reader Panel');
    const reader = workbench.webview();
    await reader.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    for (const element of ['script', 'img', 'a', 'b', 'style']) {
      assert.strictEqual(await reader.locator(`#blocks ${element}`).count(), 0, `no <${element}> in the panel`);
    }
    assert.strictEqual(await reader.locator('body').getAttribute('data-pwned'), null);
    const text = (await reader.locator('#blocks').textContent()) ?? '';
    assert.ok(text.includes('<script>document.body.dataset.pwned = "script"</script>'));
    assert.ok(text.includes('<img src=x onerror='));
    assert.ok(text.includes('javascript:alert(1)'));
    // Bidi controls cannot reorder the text: each is shown as a visible badge (in both columns).
    assert.deepStrictEqual(await reader.locator('#blocks .original .control-char').allTextContents(), ['U+202E', 'U+202C', 'U+2067', 'U+2069']);
    assert.ok(await reader.locator('#blocks').isVisible());
  });

  test('a single 5 MB line renders without freezing the workbench', async () => {
    await workbench.closeAllEditors();
    await workbench.openFile('one-line.txt');
    await workbench.runCommand('Bilingual Reader: Open Reader Panel');
    const reader = workbench.webview();
    await reader.locator('body[data-ready="true"]').waitFor({ timeout: 120_000 });
    // Cut into pieces of whole sentences (issue 13), of which only those near the view are in the page.
    const first = reader.locator('#blocks .block:not(.pending)').first();
    await first.waitFor();
    const rows = await reader.locator('#blocks .block').count();
    assert.ok(rows >= 1 && rows < 60, `${rows} rows in the page for about 210 pieces`);
    // The pieces share the file's one line: the panel stays at the first (line 0 is its top), not the last.
    assert.strictEqual(await first.getAttribute('data-index'), '0');
    const converted = await first.locator('.converted').evaluate((cell) => cell.textContent ?? '');
    assert.ok(converted.length > 4000 && converted.length <= 8000, `${converted.length} characters in the first piece`);
    assert.strictEqual(converted, '实体清单与出口管制。'.repeat(converted.length / 10));
    // The workbench still answers: the command palette opens and closes.
    await workbench.page.keyboard.press('F1');
    await workbench.page.locator('.quick-input-widget').waitFor();
    await workbench.page.keyboard.press('Escape');
  });

  test('a run of 100,000 combining marks is cut for display behind a marker; the document is unchanged (issue 13)', async () => {
    await workbench.closeAllEditors();
    await workbench.openFile('marks.txt');
    await workbench.runCommand('Bilingual Reader: Open Reader Panel');
    const reader = workbench.webview();
    await reader.locator('body[data-ready="true"]').waitFor({ timeout: 60_000 });
    const original = reader.locator('#blocks .original .shortened');
    assert.strictEqual(await original.count(), 1);
    assert.strictEqual(await original.getAttribute('data-hidden'), String(100_000 - 8));
    assert.match((await original.getAttribute('title')) ?? '', /99992/);
    // Hidden, not dropped: the cell's text is the document's.
    // (The run is longer than a block the panel shows whole: it ends a piece of its own, whole.)
    const text = await reader.locator('#blocks .original').evaluateAll((cells) => cells.map((cell) => cell.textContent ?? '').join(''));
    assert.strictEqual(text, `出口管制${'\u0301'.repeat(100_000)}完。`);
    await workbench.page.keyboard.press('F1');
    await workbench.page.locator('.quick-input-widget').waitFor();
    await workbench.page.keyboard.press('Escape');
  });
});
