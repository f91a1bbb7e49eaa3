import * as assert from 'assert';
import * as path from 'path';
import { ARTICLE, ROOT, Workbench } from './workbench';

suite('UI: conversion from the command palette', function () {
  this.timeout(180_000);
  let workbench: Workbench;

  suiteSetup(async () => {
    workbench = await Workbench.open({ 'workbench.colorTheme': 'Default Light Modern' });
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('Convert to Simplified Chinese turns the open article into Simplified text', async () => {
    if (process.env.BR_VSIX) {
      assert.ok(!(await workbench.page.title()).includes('Extension Development Host'), 'runs the installed .vsix');
    }
    await workbench.openFile(ARTICLE);
    const statusItem = workbench.page.locator('.statusbar-item[id$="bilingualReader.script"]');
    await statusItem.filter({ hasText: '繁' }).waitFor({ timeout: 30_000 });
    const before = await workbench.visibleEditorText();
    assert.ok(before.includes('英偉達公司總裁'), 'the article opens in Traditional');

    await workbench.runCommand('Bilingual Reader: Convert to Simplified Chinese');
    await workbench.page.locator('.monaco-editor .view-lines', { hasText: '英伟达公司总裁' }).waitFor({ timeout: 30_000 });
    const after = await workbench.visibleEditorText();
    assert.ok(after.includes('美国芯片巨头英伟达公司总裁'), after.slice(0, 200));
    assert.ok(!after.includes('英偉達'), 'no Traditional form remains on screen');
    await statusItem.filter({ hasText: '简' }).waitFor({ timeout: 30_000 });
    await workbench.screenshot(path.join(ROOT, 'docs', 'images', 'convert-to-simplified.png'));
  });
});
