/// <reference lib="dom" />
// Some callbacks here run in the browser page (Playwright evaluate), hence the DOM typings.
import * as assert from 'assert';
import * as path from 'path';
import { Workbench } from './workbench';

suite('UI: glossary cards in the reader panel', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await Workbench.openWithReader();
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });

  for (const [column, term] of [
    ['converted', '实体清单'],
    ['original', '實體清單'],
  ] as const) {
    test(`hovering ${term} in the ${column} column shows its card, beside the term, not over it`, async () => {
      const reader = workbench.webview();
      const element = reader.locator(`#blocks .${column} .term`, { hasText: new RegExp(`^${term}$`) }).first();
      await element.scrollIntoViewIfNeeded();
      await element.hover();
      const card = reader.locator('#card:not([hidden])');
      await card.waitFor({ timeout: 10_000 });
      assert.strictEqual(await card.locator('.card-english').textContent(), 'Entity List');
      const termBox = (await element.boundingBox())!;
      const cardBox = (await card.boundingBox())!;
      const overlaps =
        cardBox.x < termBox.x + termBox.width && termBox.x < cardBox.x + cardBox.width && cardBox.y < termBox.y + termBox.height && termBox.y < cardBox.y + cardBox.height;
      assert.ok(!overlaps, `card ${JSON.stringify(cardBox)} covers term ${JSON.stringify(termBox)}`);
    });
  }

  test('a term reached with the keyboard shows its card too, and Escape hides it', async () => {
    const reader = workbench.webview();
    const element = reader.locator('#blocks .converted .term', { hasText: '出口管制' }).first();
    await element.focus();
    const card = reader.locator('#card:not([hidden])');
    await card.waitFor({ timeout: 10_000 });
    assert.match((await card.textContent()) ?? '', /export control/i);
    await element.press('Escape');
    await reader.locator('#card[hidden]').waitFor({ state: 'attached' });
  });

  for (const [column, word] of [
    ['original', '哪裏'],
    ['converted', '哪里'],
  ] as const) {
    test(`pointing at ${word} in the ${column} column, no glossary term, shows its CC-CEDICT cards and marks the word`, async () => {
      const reader = workbench.webview();
      const cell = reader.locator(`#blocks .${column}`, { hasText: word }).first();
      await cell.scrollIntoViewIfNeeded();
      // The middle of the word's first character, relative to the cell.
      const position = await cell.evaluate((element, first) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent!.indexOf(first);
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 1);
            const box = range.getBoundingClientRect();
            const outer = element.getBoundingClientRect();
            return { x: box.left - outer.left + box.width / 2, y: box.top - outer.top + box.height / 2 };
          }
        }
        return undefined;
      }, word[0]!);
      assert.ok(position, `${word[0]} is in the cell`);
      await cell.hover({ position });
      const card = reader.locator('#card:not([hidden])');
      await card.waitFor({ timeout: 10_000 });
      const text = (await card.textContent()) ?? '';
      assert.match(text, /CC-CEDICT/);
      assert.match(text, /where/);
      assert.strictEqual(await reader.locator('body').evaluate(() => [...(CSS.highlights.get('dictionary-word') ?? [])].map((r) => r.toString()).join('')), word);
      if (column === 'original') {
        await workbench.screenshot(path.join(__dirname, '..', '..', '..', 'docs', 'images', 'reader-dictionary.png'));
      }
      await workbench.page.mouse.move(0, 0);
      await reader.locator('#card[hidden]').waitFor({ state: 'attached', timeout: 10_000 });
    });
  }

  test('the Readings toggle puts readings over the characters, glossary terms as the glossary reads them', async () => {
    const reader = workbench.webview();
    await reader.locator('#pinyin').check();
    await reader.locator('#blocks .converted ruby').first().waitFor({ timeout: 30_000 });
    const readings = await reader.locator('#blocks .block').nth(1).locator('.converted rt').allTextContents();
    assert.deepStrictEqual(readings.slice(0, 3), ['Yīng', 'wěi', 'dá']);
  });
});
