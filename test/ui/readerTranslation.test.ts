/// <reference lib="dom" />
// Some callbacks here run in the browser page (Playwright evaluate), hence the DOM typings.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { ARTICLE, ROOT, Workbench } from './workbench';

/**
 * A unit in Simplified of the article's third sentence without its 根本, as OmegaT writes TMX: the
 * column must find it for the Traditional sentence (across scripts), as a fuzzy match with 根本 marked.
 */
const MEMORY = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6.0" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="ZH-CN" datatype="plaintext"/>
<body><tu><tuv xml:lang="ZH-CN"><seg>「最初导向『人工智能扩散规则』的那些基本假设，已被证明是错误的。」</seg></tuv>
<tuv xml:lang="EN-US"><seg>“The basic assumptions that led to the AI diffusion rule have proven wrong.”</seg></tuv></tu></body></tmx>
`;

/** The index of the segment whose field has the focus in the panel, or -1. */
async function focusedSegment(reader: FrameLocator): Promise<number> {
  return reader.locator('body').evaluate(() => {
    const row = document.activeElement instanceof HTMLTextAreaElement ? document.activeElement.closest<HTMLElement>('.segment') : null;
    return row ? Number(row.dataset.index) : -1;
  });
}

async function waitForFocus(reader: FrameLocator, index: number): Promise<void> {
  await reader.locator(`.segment[data-index="${index}"] textarea`).and(reader.locator(':focus')).waitFor({ timeout: 10_000 });
}

suite('UI: translating in the reader panel (issue 14)', function () {
  this.timeout(240_000);
  let workbench: Workbench;
  let reader: FrameLocator;
  const translationFile = () => path.join(workbench.workspace, `${ARTICLE}.translation.json`);

  suiteSetup(async () => {
    workbench = await Workbench.openWithReader({ 'bilingualReader.translation.memoryFiles': ['memory.tmx'] });
    // Before the column first asks for matches: the memory is read then.
    fs.writeFileSync(path.join(workbench.workspace, 'memory.tmx'), MEMORY);
    reader = workbench.webview();
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('the Translate toggle shows the segments, each with a field; typing and Ctrl+Enter mark one translated and move on', async () => {
    await reader.locator('#translate').click();
    await reader.locator('.segment[data-index="0"] textarea').waitFor({ timeout: 30_000 });
    assert.strictEqual(await reader.locator('#translate').getAttribute('aria-pressed'), 'true');
    assert.match((await reader.locator('.segment[data-index="0"] .segment-source').textContent()) ?? '', /^香港文匯報訊/);
    assert.match((await reader.locator('.translation-progress').textContent()) ?? '', /^0 of 112 segments done/);

    await reader.locator('.segment[data-index="0"] textarea').click();
    await workbench.page.keyboard.type('On 21 May Nvidia CEO Jensen Huang again called US export controls on AI chips to China "a failure."');
    await workbench.page.keyboard.press('Control+Enter');
    await waitForFocus(reader, 1);
    await reader.locator('.translation-progress', { hasText: /^1 of 112 segments done/ }).waitFor({ timeout: 30_000 });
    assert.strictEqual(await reader.locator('.segment[data-index="0"]').getAttribute('data-state'), 'translated');
    assert.strictEqual(await reader.locator('.segment[data-index="0"] select').inputValue(), 'translated');
    // The status bar counts it too, for the article.
    await workbench.page.locator('.statusbar-item', { hasText: '1/112' }).waitFor({ timeout: 30_000 });
  });

  test('Alt+1 inserts the glossary’s rendering of the segment’s first term at the cursor; Tab saves a draft and moves on', async () => {
    const field = reader.locator('.segment[data-index="1"] textarea');
    const term = reader.locator('.segment[data-index="1"] .help-term').first();
    await term.waitFor({ timeout: 30_000 });
    const rendering = (await term.getAttribute('data-insert')) ?? '';
    assert.match(rendering, /Nvidia/i);
    await workbench.page.keyboard.press('Alt+1');
    await workbench.page.keyboard.type(' lost over 15 billion US dollars');
    assert.strictEqual(await field.inputValue(), `${rendering} lost over 15 billion US dollars`);
    assert.strictEqual(await focusedSegment(reader), 1, 'Alt+1 left the field');
    await workbench.page.keyboard.press('Tab');
    await waitForFocus(reader, 2);
    await reader.locator('.segment[data-index="1"][data-state="draft"]').waitFor({ timeout: 30_000 });
  });

  test('a TMX unit made on Simplified text is offered for the Traditional sentence, its difference marked; Ctrl+1 inserts it', async () => {
    const match = reader.locator('.segment[data-index="2"] .help-match').first();
    await match.waitFor({ timeout: 30_000 });
    assert.match((await match.locator('.match-score').textContent()) ?? '', /^9\d%$/);
    assert.strictEqual(await match.locator('ins').allTextContents().then((t) => t.join('')), '根本');
    assert.strictEqual(await match.locator('.match-origin').textContent(), 'memory.tmx');
    await workbench.page.keyboard.press('Control+1');
    assert.strictEqual(await reader.locator('.segment[data-index="2"] textarea').inputValue(), '“The basic assumptions that led to the AI diffusion rule have proven wrong.”');
    // Ctrl+1 went to the field, not to VS Code, where it focuses the first editor group: the workbench's
    // focus is still in the panel's frame (the frame's own focus would stay on its field either way).
    assert.strictEqual(await focusedSegment(reader), 2);
    assert.strictEqual(await workbench.page.evaluate(() => document.activeElement?.tagName), 'IFRAME', 'the focus left the panel');
    await workbench.screenshot(path.join(ROOT, 'docs', 'images', 'reader-translation.png'));
    await workbench.page.keyboard.press('Shift+Tab');
    await waitForFocus(reader, 1);
  });

  test('what was typed is in the translation file beside the article, with each segment’s state', async () => {
    let segments: { target: string; state: string; selector: { exact?: string }[] }[] = [];
    for (let tries = 0; tries < 100; tries++) {
      segments = fs.existsSync(translationFile()) ? (JSON.parse(fs.readFileSync(translationFile(), 'utf8')) as { segments: typeof segments }).segments : [];
      if (segments.length === 3) {
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const byState = segments.map((s) => [s.selector[0]?.exact?.slice(0, 6), s.state]).sort();
    assert.deepStrictEqual(byState, [
      ['「最初導向『', 'draft'],
      ['英偉達損失逾', 'draft'],
      ['香港文匯報訊', 'translated'],
    ]);
  });

  test('after an outside edit every translation stays on its sentence, and one whose sentence is gone is listed as an orphan', async () => {
    const article = path.join(workbench.workspace, ARTICLE);
    const text = fs.readFileSync(article, 'utf8');
    // A new first sentence, and the headline 英偉達損失逾150億美元 deleted, as another program would.
    fs.writeFileSync(article, `新增的第一句。\n\n${text.replace('英偉達損失逾150億美元\n', '')}`);
    const first = reader.locator('.segment[data-index="1"]');
    await first.locator('.segment-source', { hasText: /^香港文匯報訊 綜合媒體消息/ }).waitFor({ timeout: 30_000 });
    await reader.locator('.segment[data-index="1"][data-state="translated"]').waitFor({ timeout: 30_000 });
    assert.match(await first.locator('textarea').inputValue(), /^On 21 May Nvidia/);
    const third = reader.locator('.segment[data-index="2"]');
    assert.match((await third.locator('.segment-source').textContent()) ?? '', /^「最初導向/);
    assert.match(await third.locator('textarea').inputValue(), /^“The basic assumptions/);
    const orphans = reader.locator('.translation-orphans');
    await orphans.locator('summary', { hasText: /^1 translations/ }).waitFor({ timeout: 30_000 });
    await orphans.locator('summary').click();
    assert.strictEqual(await orphans.locator('.orphan-source').textContent(), '英偉達損失逾150億美元');
  });

  test('a save that cannot be made (a read-only translation file) keeps the text in its field, marked, and it goes once the file can be written', async () => {
    fs.chmodSync(translationFile(), 0o444);
    try {
      const field = reader.locator('.segment[data-index="3"] textarea');
      await field.click();
      await workbench.page.keyboard.type('Huang said Nvidia’s share fell from 95% to 50%.');
      await workbench.page.keyboard.press('Tab');
      await reader.locator('.segment[data-index="3"].not-saved').waitFor({ timeout: 30_000 });
      assert.strictEqual(await field.inputValue(), 'Huang said Nvidia’s share fell from 95% to 50%.');
      // The message says why, and gives the text.
      await workbench.page.locator('.notifications-toasts', { hasText: 'Huang said Nvidia’s share fell' }).waitFor({ timeout: 30_000 });
    } finally {
      fs.chmodSync(translationFile(), 0o644);
    }
    await reader.locator('.segment[data-index="3"] textarea').focus();
    await workbench.page.keyboard.press('Tab');
    await reader.locator('.segment[data-index="3"][data-state="draft"]:not(.not-saved)').waitFor({ timeout: 30_000 });
    const saved = (JSON.parse(fs.readFileSync(translationFile(), 'utf8')) as { segments: { target: string }[] }).segments.map((s) => s.target);
    assert.ok(saved.includes('Huang said Nvidia’s share fell from 95% to 50%.'), saved.join(' | '));
  });
});
