/// <reference lib="dom" />
// Some callbacks here run in the browser page (Playwright evaluate), hence the DOM typings.
import * as assert from 'assert';
import * as path from 'path';
import type { FrameLocator } from 'playwright-core';
import { Workbench } from './workbench';

/** The rt texts over `word` where it first occurs in a column, in order (one per character). */
async function readingsOver(reader: FrameLocator, column: 'original' | 'converted', word: string): Promise<string[] | undefined> {
  return reader.locator('#blocks').evaluate(
    (blocks, [column, word]) => {
      const characters = [...word!];
      for (const cell of blocks.querySelectorAll(`.${column}`)) {
        const rubies = [...cell.querySelectorAll('ruby')];
        const base = rubies.map((r) => r.firstChild?.textContent ?? '');
        for (let i = 0; i + characters.length <= base.length; i++) {
          if (characters.every((c, k) => base[i + k] === c)) {
            return rubies.slice(i, i + characters.length).map((r) => r.querySelector('rt')?.textContent ?? '');
          }
        }
      }
      return undefined;
    },
    [column, word] as const,
  );
}

suite('UI: readings over characters', function () {
  this.timeout(180_000);
  let workbench: Workbench;
  let reader: FrameLocator;

  suiteSetup(async () => {
    workbench = await Workbench.openWithReader();
    reader = workbench.webview();
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('the Readings toggle puts pinyin over 華為, as the glossary reads it, coloured by tone', async () => {
    await reader.getByLabel('Readings', { exact: true }).check();
    await reader.locator('#blocks .original ruby').first().waitFor({ timeout: 30_000 });
    const readings = await readingsOver(reader, 'original', '華為');
    assert.ok(readings, 'ruby over 華為');
    assert.strictEqual(readings.join('').toLowerCase(), 'huáwéi');
    assert.deepStrictEqual(await readingsOver(reader, 'converted', '华为'), readings, 'the converted column carries the same readings');
    assert.ok(await reader.locator('body.tones-standard').count(), 'the tone colour scheme is on the body');
    const tone = await reader.locator('#blocks .original rt .reading.tone-2', { hasText: /^huá$/i }).first().count();
    assert.strictEqual(tone, 1, 'huá is classed as tone 2');
    await workbench.screenshot(path.join(__dirname, '..', '..', '..', 'docs', 'images', 'reader-readings.png'));
  });

  test('the card of 華為 gives the reading the ruby shows, coloured by tone like it', async () => {
    // With readings on, a term's text holds its ruby too: 華Huá為wéi.
    const term = reader.locator('#blocks .original .term', { hasText: /^華[^為]*為\S*$/ }).first();
    await term.focus();
    const card = reader.locator('#card:not([hidden])');
    await card.waitFor({ timeout: 10_000 });
    const syllables = await card.locator('.card-reading .reading').allTextContents();
    assert.deepStrictEqual(syllables.map((s) => s.toLowerCase()), ['huá', 'wéi']);
    assert.strictEqual(await card.locator('.card-reading .reading.tone-2').count(), 2);
    await term.press('Escape');
  });

  test('the reading system is a labelled select: Jyutping reads 香港 hoeng1 gong2', async () => {
    const select = reader.getByLabel('Reading system');
    await select.focus();
    await select.selectOption('jyutping');
    await reader.locator('#blocks .original rt', { hasText: /^hoeng1$/ }).first().waitFor({ timeout: 30_000 });
    assert.strictEqual((await readingsOver(reader, 'original', '香港'))?.join(' '), 'hoeng1 gong2');
    assert.strictEqual((await readingsOver(reader, 'converted', '香港'))?.join(' '), 'hoeng1 gong2');
    assert.strictEqual(await reader.locator('#readings').inputValue(), 'jyutping');
  });

  test('Zhuyin reads 香港 ㄒㄧㄤ ㄍㄤˇ, in both columns', async () => {
    await reader.locator('#readings').selectOption('zhuyin');
    await reader.locator('#blocks .original rt', { hasText: /^ㄒㄧㄤ$/ }).first().waitFor({ timeout: 30_000 });
    assert.strictEqual((await readingsOver(reader, 'original', '香港'))?.join(' '), 'ㄒㄧㄤ ㄍㄤˇ');
    assert.strictEqual((await readingsOver(reader, 'converted', '香港'))?.join(' '), 'ㄒㄧㄤ ㄍㄤˇ');
  });

  test('pinyin + Jyutping shows both, pinyin first', async () => {
    await reader.locator('#readings').selectOption('pinyin+jyutping');
    await reader.locator('body.two-readings').waitFor();
    await reader.locator('#blocks .original rt .reading-jyutping', { hasText: /^hoeng1$/ }).first().waitFor({ timeout: 30_000 });
    const lines = await reader
      .locator('#blocks .original ruby', { has: reader.locator('rt .reading-jyutping', { hasText: /^gong2$/ }) })
      .first()
      .locator('rt .reading')
      .allTextContents();
    assert.deepStrictEqual(lines, ['gǎng', 'gong2']);
    // Two lines, pinyin over Jyutping, not side by side.
    const boxes = await reader
      .locator('#blocks .original ruby', { has: reader.locator('rt .reading-jyutping', { hasText: /^gong2$/ }) })
      .first()
      .locator('rt .reading')
      .evaluateAll((spans) => spans.map((span) => span.getBoundingClientRect().toJSON() as { top: number; bottom: number }));
    assert.ok(boxes[1]!.top >= boxes[0]!.bottom - 1, `Jyutping below pinyin: ${JSON.stringify(boxes)}`);
  });
});
