/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Some callbacks here run in the browser page (Playwright evaluate), hence the DOM typings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ARTICLE, Workbench } from './workbench';

suite('UI: annotating from the reader panel', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await Workbench.openWithReader();
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('a selection in the Simplified column is annotated on the original text and highlighted in both columns', async () => {
    const reader = workbench.webview();
    // 不可靠实体清单 in the Simplified column: select its last four characters, 实体清单.
    const term = reader.locator('#blocks .converted .term', { hasText: /^不可靠实体清单$/ }).first();
    await term.scrollIntoViewIfNeeded();
    await term.evaluate((element: HTMLElement) => {
      const text = element.textContent ?? '';
      const start = text.indexOf('实体清单');
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (seen <= start && start < seen + length) {
          range.setStart(node, start - seen);
        }
        if (seen < start + 4 && start + 4 <= seen + length) {
          range.setEnd(node, start + 4 - seen);
        }
        seen += length;
      }
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await reader.locator('#annotate').click();
    await workbench.answerInput('實體清單', 'China’s list, not the US one');
    await workbench.answerInput('Tags', 'law, mofcom');
    await workbench.answerInput('Translation', 'Unreliable Entity List');

    // A highlight may be cut into pieces by the marks of changed characters: compare their joined text.
    await reader.locator('#blocks .converted .note').first().waitFor({ timeout: 30_000 });
    const original = await reader.locator('#blocks .original .note').allTextContents();
    const converted = await reader.locator('#blocks .converted .note').allTextContents();
    assert.strictEqual(original.join(''), '實體清單');
    assert.strictEqual(converted.join(''), '实体清单');

    // The highlights show before the write ends (the sidecar is read and merged right before it): wait for the file.
    const file = path.join(workbench.workspace, `${ARTICLE}.annotations.json`);
    for (let tries = 0; tries < 100 && !fs.existsSync(file); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sidecar = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      annotations: { body: { note: string; tags: string[]; translation: string }; target: { selector: [{ exact: string }] } }[];
    };
    const [note] = sidecar.annotations;
    assert.strictEqual(note!.target.selector[0].exact, '實體清單');
    assert.deepStrictEqual(note!.body, { note: 'China’s list, not the US one', tags: ['law', 'mofcom'], translation: 'Unreliable Entity List' });
  });
});
