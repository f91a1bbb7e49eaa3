// Runs the extension-host suite (out/test/extension) inside a real VS Code through
// @vscode/test-electron's runTests. Where no desktop VS Code can be downloaded (our machines reach
// only the npm and Debian registries), vscodeExecutablePath points at scripts/codeServerLauncher.js,
// which runs the same suite in code-server 4.100.3 driven by Chromium. Set VSCODE_EXECUTABLE_PATH to
// a desktop VS Code (1.100 or later) to use that instead.
'use strict';
const { runTests } = require('@vscode/test-electron');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');

async function main() {
  // A throwaway copy of the fixture workspace: the tests write files into it.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'br-workspace-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  fs.copyFileSync(
    path.join(root, 'samples', 'wenweipo-2025-05-22-chip-controls.zh-Hant-HK.txt'),
    path.join(workspace, 'article.zh-Hant-HK.txt'),
  );
  const executable = process.env.VSCODE_EXECUTABLE_PATH || path.join(__dirname, 'codeServerLauncher.js');
  try {
    await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'extension', 'index.js'),
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { BR_RESULTS_FILE: process.env.BR_RESULTS_FILE || '', BR_WORKSPACE: workspace },
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main();
