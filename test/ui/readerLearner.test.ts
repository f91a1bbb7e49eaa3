/// <reference lib="dom" />
// Some callbacks here run in the browser page (Playwright evaluate), hence the DOM typings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { ARTICLE, ROOT, Workbench } from './workbench';

/** The focused element of the panel: its classes, the word's key and text when it is a marked word. */
async function focused(reader: FrameLocator): Promise<{ word: boolean; key?: string; text: string }> {
  return reader.locator('body').evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return { word: element?.classList.contains('word') ?? false, key: element?.dataset.key, text: element?.textContent ?? '' };
  });
}

suite('UI: the learner’s marks in the reader panel (issue 15)', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let reader: FrameLocator;

  suiteSetup(async () => {
    workbench = await Workbench.openWithReader();
    reader = workbench.webview();
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('New words marks every word not yet known, and the reading level says none is', async () => {
    await reader.locator('#markNewWords').check();
    await reader.locator('#blocks .word-new').first().waitFor({ timeout: 60_000 });
    await reader.locator('#level', { hasText: /^0% known/ }).waitFor({ timeout: 30_000 });
    assert.ok((await reader.locator('#blocks .block').first().locator('.word').count()) > 5);
    // Latin and digits are no words to learn: H20 is never marked.
    assert.strictEqual(await reader.locator('#blocks .word', { hasText: /^H20$/ }).count(), 0);
  });

  test('from the keyboard: → reaches a word, K marks it known (its marks go, the level rises), 1 marks the next learning', async () => {
    const before = (await reader.locator('#level').textContent()) ?? '';
    const newWords = (text: string) => Number(/· (\d+) new/.exec(text)?.[1] ?? NaN);
    const row = reader.locator('#blocks .block').first();
    await row.focus();
    await workbench.page.keyboard.press('ArrowRight');
    const first = await focused(reader);
    assert.ok(first.word && first.key, JSON.stringify(first));
    await workbench.page.keyboard.press('k');
    await reader.locator(`#blocks .word[data-key="${first.key}"]`).first().waitFor({ state: 'detached', timeout: 30_000 });
    // One new word fewer in the reading level.
    await reader.locator('#level', { hasText: `· ${newWords(before) - 1} new` }).waitFor({ timeout: 30_000 });
    // The status bar says it too, for the article beside the panel.
    await workbench.page.locator('.statusbar-item', { hasText: `· ${newWords(before) - 1} new` }).waitFor({ timeout: 30_000 });
    // The focus went on to the word now first in the row.
    const next = await focused(reader);
    assert.ok(next.word && next.key !== first.key, JSON.stringify(next));
    await workbench.page.keyboard.press('1');
    await reader.locator(`#blocks .word-learning1[data-key="${next.key}"]`).first().waitFor({ timeout: 30_000 });
    // Enter opens its card, which shows its status pressed.
    await reader.locator(`#blocks .word[data-key="${next.key}"]`).first().focus();
    await workbench.page.keyboard.press('Enter');
    await reader.locator('#word-card button[data-status="learning1"][aria-pressed="true"]').waitFor();
    await workbench.screenshot(path.join(ROOT, 'docs', 'images', 'reader-learner.png'));
    await workbench.page.keyboard.press('Escape');
    await reader.locator('#word-card').waitFor({ state: 'hidden' });
  });

  test('readings only on new words: ruby sits over marked words alone', async () => {
    await reader.locator('#pinyin').check();
    await reader.locator('#readingsUnknownOnly').check();
    await reader.locator('#blocks .word ruby').first().waitFor({ timeout: 60_000 });
    const outside = () => reader.locator('#blocks').evaluate((blocks) => [...blocks.querySelectorAll('rt')].filter((rt) => !rt.closest('.word')).length);
    // The panel is rendered again for the second box: until then, every character has its reading.
    for (let tries = 0; tries < 100 && (await outside()) > 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.strictEqual(await outside(), 0);
    assert.ok((await reader.locator('#blocks rt').count()) > 50);
    await reader.locator('#readingsUnknownOnly').uncheck();
    await reader.locator('#pinyin').uncheck();
  });

  test('Mark page as known leaves only the word being learned marked', async () => {
    await reader.locator('#markPageKnown').click();
    await reader.locator('#blocks .word-new').first().waitFor({ state: 'detached', timeout: 60_000 });
    assert.ok((await reader.locator('#blocks .word-learning1').count()) >= 1);
    await reader.locator('#level', { hasText: /^(99|100)% known/ }).waitFor({ timeout: 30_000 });
  });

  test('Export Vocabulary writes an Anki file with the word being learned, its reading, meaning and sentence as a cloze', async () => {
    const learning = (await reader.locator('#blocks .word-learning1').first().textContent()) ?? '';
    // The save dialog offers <article>.anki.csv beside the article: accepted as it is.
    const target = path.join(workbench.workspace, `${ARTICLE}.anki.csv`);
    await workbench.runCommand('Bilingual Reader: Export Vocabulary (Anki, TSV)…');
    await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Anki (CSV)' }).click();
    // code-server's own save dialog: a path in a quick input.
    const input = workbench.page.locator('.quick-input-widget input');
    await input.waitFor();
    await workbench.page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith('.anki.csv'));
    await workbench.page.keyboard.press('Enter');
    for (let tries = 0; tries < 100 && !fs.existsSync(target); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const csv = fs.readFileSync(target, 'utf8');
    assert.match(csv, /^#separator:Comma\n#html:false\n/);
    const rows = csv.split('\n').filter((line) => line && !line.startsWith('#'));
    assert.strictEqual(rows.length, 1, csv);
    assert.ok(rows[0]!.startsWith(`${learning},`), rows[0]);
    assert.match(rows[0]!, new RegExp(`\\{\\{c1::${learning}\\}\\}`));
    assert.match(rows[0]!, /article\.zh-Hant-HK\.txt/);
  });

  test('the Vocabulary view lists the word being learned; a click selects it in the editor', async () => {
    const learning = (await reader.locator('#blocks .word-learning1').first().textContent()) ?? '';
    const header = workbench.page.locator('.pane-header', { hasText: 'Vocabulary' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') {
      await header.click();
    }
    const row = workbench.page.locator('.monaco-list-row', { hasText: learning }).first();
    await row.waitFor({ timeout: 60_000 });
    assert.match((await row.textContent()) ?? '', /Learning 1/);
    await row.click();
    await workbench.page.locator('.monaco-editor .selected-text').first().waitFor({ timeout: 30_000 });
  });
});
