import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ConversionOutcome } from '../../src/conversion/editorConversion';
import { activateExtension, closeAllEditors, editorWith, fixturePath, setSetting, workspaceFolder } from './helpers';

const PHRASES_FILE = fixturePath('.bilingual-reader', 'phrases.json');

/** Opens a file of the test workspace (phrases.json applies to documents inside the folder). */
async function workspaceEditor(name: string, content: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(workspaceFolder().uri, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

async function writePhrasesFile(content: string): Promise<void> {
  fs.mkdirSync(path.dirname(PHRASES_FILE), { recursive: true });
  // Through VS Code, so that its file watcher reports the change as a user's save would.
  await vscode.workspace.fs.writeFile(vscode.Uri.file(PHRASES_FILE), new TextEncoder().encode(content));
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** A file system whose files cannot be written, as for a read-only remote or a git revision. */
class ReadonlyFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  constructor(private readonly content: string) {}
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(): vscode.FileStat {
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.content.length };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  readFile(): Uint8Array {
    return new TextEncoder().encode(this.content);
  }
  writeFile(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  delete(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
  rename(): void {
    throw vscode.FileSystemError.NoPermissions();
  }
}

suite('Protected phrases, mappings and read-only documents', () => {
  suiteSetup(activateExtension);
  teardown(async () => {
    await closeAllEditors();
    await setSetting('protectedPhrases', undefined);
    await setSetting('largeDocumentThreshold', undefined);
    fs.rmSync(path.dirname(PHRASES_FILE), { recursive: true, force: true });
  });

  test('every contributed command is registered', async () => {
    const manifest = vscode.extensions.getExtension('bilingual-reader.bilingual-reader')!.packageJSON as {
      contributes: { commands: { command: string }[] };
    };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((c) => !registered.has(c));
    assert.deepStrictEqual(missing, []);
  });

  test('the protectedPhrases setting keeps a place name as written', async () => {
    await setSetting('protectedPhrases', ['東涌']);
    const editor = await editorWith('東涌站在東區');
    await vscode.commands.executeCommand('bilingualReader.toSimplified');
    assert.strictEqual(editor.document.getText(), '東涌站在东区');
  });

  test('the workspace phrases file protects phrases and maps words its own way', async () => {
    await writePhrasesFile('{\n  "protected": ["黃仁勳"],\n  "mappings": { "英偉達": "辉达" }\n}\n');
    const editor = await workspaceEditor('phrases-sample.txt', '英偉達總裁黃仁勳說');
    await vscode.commands.executeCommand('bilingualReader.toSimplified');
    assert.strictEqual(editor.document.getText(), '辉达总裁黃仁勳说');
  });

  test('a broken phrases file is ignored and left untouched; conversion still works', async () => {
    const broken = '{ "protected": ["東涌" }';
    await writePhrasesFile(broken);
    const editor = await workspaceEditor('phrases-broken.txt', '東涌');
    await vscode.commands.executeCommand('bilingualReader.toSimplified');
    assert.strictEqual(editor.document.getText(), '东涌');
    assert.strictEqual(fs.readFileSync(PHRASES_FILE, 'utf8'), broken);
  });

  test('a change to the phrases file applies to the next conversion', async () => {
    await writePhrasesFile('{ "protected": [] }');
    const first = await workspaceEditor('phrases-reload.txt', '東涌');
    await vscode.commands.executeCommand('bilingualReader.toSimplified');
    assert.strictEqual(first.document.getText(), '东涌');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await writePhrasesFile('{ "protected": ["東涌"] }');
    const second = await workspaceEditor('phrases-reload-2.txt', '東涌');
    await vscode.commands.executeCommand('bilingualReader.toSimplified');
    assert.strictEqual(second.document.getText(), '東涌');
  });

  test('a read-only document is reported, not changed', async () => {
    const registration = vscode.workspace.registerFileSystemProvider('br-readonly', new ReadonlyFileSystem('漢語'), {
      isReadonly: true,
    });
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse('br-readonly:/article.txt'));
      await vscode.window.showTextDocument(document);
      const outcome = await vscode.commands.executeCommand<ConversionOutcome>('bilingualReader.toSimplified');
      assert.strictEqual(outcome?.skipped, 'readonly');
      assert.strictEqual(document.getText(), '漢語');
      // The non-destructive commands still work on it.
      const copied = await vscode.commands.executeCommand<string>('bilingualReader.copyConverted', { from: 'hk', to: 'cn' });
      assert.strictEqual(copied, '汉语');
    } finally {
      registration.dispose();
    }
  });

  test('a document over the size threshold converts through the progress path, in one undo step', async () => {
    await setSetting('largeDocumentThreshold', 1000);
    const original = '美國對中國AI芯片的出口管制措施是「失敗的」。\n'.repeat(500);
    const editor = await editorWith(original);
    const outcome = await vscode.commands.executeCommand<ConversionOutcome>('bilingualReader.toSimplified');
    // Per line three runs change: 國對, 國, 敗.
    assert.strictEqual(outcome?.replacements, 500 * 3);
    assert.strictEqual(editor.document.getText(), '美国对中国AI芯片的出口管制措施是「失败的」。\n'.repeat(500));
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });
});
