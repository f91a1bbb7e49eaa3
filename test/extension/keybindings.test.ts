import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parse } from 'jsonc-parser';
import { activateExtension, closeAllEditors } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');

suite('Default keybindings (issue 16)', () => {
  suiteSetup(activateExtension);
  teardown(closeAllEditors);

  test('none of the extension’s keys is bound by VS Code’s defaults (a chord’s first key included)', async () => {
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'the default keybindings opened');
    // The file lists the extensions' keys too: ours are left out of what they must not clash with.
    const defaults = (parse(document.getText()) as { key: string; command: string }[]).filter((d) => !d.command.startsWith('bilingualReader.'));
    assert.ok(defaults.length > 500, `${defaults.length} default keybindings`);
    const ours = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { keybindings: { key: string }[] } }).contributes.keybindings;
    assert.ok(ours.length >= 4);
    const taken = new Set(defaults.map((d) => d.key.toLowerCase()));
    for (const { key } of ours) {
      const first = key.split(' ')[0]!;
      const chordTaken = defaults.some((d) => d.key.toLowerCase().startsWith(`${first} `));
      assert.ok(!taken.has(key) && !taken.has(first) && !chordTaken, `${key} is bound by default: ${defaults.filter((d) => d.key === key || d.key === first || d.key.startsWith(`${first} `)).map((d) => d.command).join(', ')}`);
    }
  });
});
