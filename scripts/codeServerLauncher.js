#!/usr/bin/env node
// A stand-in for a desktop VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It takes the same arguments (--extensionDevelopmentPath=, --extensionTestsPath=, a folder to open),
// starts code-server 4.100.3 on a free loopback port with its own data folders, opens the workbench in
// Debian's Chromium through playwright-core, and exits with the code the extension tests report.
//
// Also usable on its own: `scripts/codeServerLauncher.js --serve-only FOLDER` starts code-server with the
// extension loaded for development and prints the URL (that is how `npm start` runs the extension).
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CODE_SERVER_VERSION = '4.100.3';
const CODE_SERVER = path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TEST_TIMEOUT_MS = Number(process.env.BR_TEST_TIMEOUT_MS || 15 * 60 * 1000);
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Settings that make every run start the same way: no welcome page, no trust prompt, no telemetry. */
const DETERMINISTIC_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'editor.fontFamily': "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', monospace",
};

function parseArgs(argv) {
  const result = { developmentPaths: [], testsPath: undefined, folder: undefined, serveOnly: false, theme: undefined };
  for (const arg of argv) {
    const [key, value] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (key === '--extensionDevelopmentPath') result.developmentPaths.push(path.resolve(value));
    else if (key === '--extensionTestsPath') result.testsPath = path.resolve(value);
    else if (key === '--serve-only') result.serveOnly = true;
    else if (key === '--theme') result.theme = value;
    else if (!arg.startsWith('-')) result.folder = path.resolve(arg);
    // Other desktop flags (--no-sandbox, --user-data-dir, …) mean nothing to code-server: ignored.
  }
  return result;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

function runToEnd(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} exited with ${code}:\n${output}`))));
  });
}

/**
 * Starts code-server with its own data folders under a fresh temp folder; `vsix`, when given, is
 * installed first, as a user would install the packaged extension.
 */
async function startCodeServer({ extraSettings = {}, port: fixedPort, vsix } = {}) {
  if (!fs.existsSync(path.join(CODE_SERVER, 'out', 'node', 'entry.js'))) {
    throw new Error(`code-server is not installed at ${CODE_SERVER}: run scripts/setup-host.sh`);
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'br-code-server-'));
  const dirs = {};
  for (const name of ['user-data', 'extensions', 'config', 'cache', 'data', 'state', 'runtime', 'tmp']) {
    dirs[name] = path.join(home, name);
    fs.mkdirSync(dirs[name], { recursive: true, mode: 0o700 });
  }
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs['user-data'], 'User', 'settings.json'),
    JSON.stringify({ ...DETERMINISTIC_SETTINGS, ...extraSettings }, null, 2),
  );
  const configFile = path.join(dirs.config, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const port = fixedPort || (await freePort());
  const common = [
    path.join(CODE_SERVER, 'out', 'node', 'entry.js'),
    '--config', configFile,
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
  ];
  const args = [
    ...common,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_CACHE_HOME: dirs.cache,
    XDG_DATA_HOME: dirs.data,
    XDG_STATE_HOME: dirs.state,
    XDG_RUNTIME_DIR: dirs.runtime,
    TMPDIR: dirs.tmp,
    EXTENSIONS_GALLERY: '{}',
  };
  if (vsix) {
    await runToEnd(process.execPath, [...common, '--install-extension', path.resolve(vsix)], env);
  }
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = fs.createWriteStream(path.join(home, 'code-server.log'));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/healthz`, child, 60_000);
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => {
        const timer = setTimeout(() => {
          try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
          r();
        }, 5000);
        child.once('exit', () => { clearTimeout(timer); r(); });
      });
    }
    if (!process.env.BR_KEEP_TMP) fs.rmSync(home, { recursive: true, force: true });
  };
  return { base, port, home, stop, logFile: path.join(home, 'code-server.log') };
}

/** The workbench URL that opens `folder`, optionally with extension tests to run. */
function workbenchUrl(server, folder, developmentPaths, testsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const params = new URLSearchParams();
  if (folder) params.set('folder', folder);
  // The extension under development is loaded through the workbench URL: code-server has no server flag for it.
  const payload = developmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  if (payload.length > 0) params.set('payload', JSON.stringify(payload));
  return `${server.base}/?${params.toString()}`;
}

async function launchBrowser({ headless = true } = {}) {
  const { chromium } = require('playwright-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'br-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    args: headless ? CHROMIUM_ARGS : CHROMIUM_ARGS.filter((a) => a !== '--headless'),
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function runExtensionTests(options) {
  const server = await startCodeServer();
  const browser = await launchBrowser();
  let exitCode = 1;
  try {
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    const finished = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', (level, message) => {
        if (process.env.BR_VERBOSE || level === 'error') process.stderr.write(`[workbench ${level}] ${message}\n`);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    // The extension host's console reaches the page's console, each line prefixed with a colour
    // directive; the suite's reporter marks its own lines with [test] (test/extension/index.ts).
    page.on('console', (message) => {
      const text = message.text();
      const report = /^%c\s+(?:INFO|ERR|WARN)\s+color: #[0-9a-f]+ \[test\] ([\s\S]*)$/.exec(text);
      if (report) process.stdout.write(`${report[1]}\n`);
      else if (process.env.BR_VERBOSE) process.stderr.write(`[console] ${text}\n`);
    });
    await page.goto(workbenchUrl(server, options.folder, options.developmentPaths, options.testsPath));
    const timeout = new Promise((resolve) =>
      setTimeout(() => {
        process.stderr.write(`Extension tests did not finish within ${TEST_TIMEOUT_MS} ms\n`);
        resolve(1);
      }, TEST_TIMEOUT_MS).unref(),
    );
    exitCode = await Promise.race([finished, timeout]);
  } catch (error) {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.stderr.write(`code-server log: ${server.logFile}\n`);
  } finally {
    await browser.close();
    await server.stop();
  }
  return exitCode;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.serveOnly) {
    const server = await startCodeServer({ port: Number(process.env.PORT) || undefined });
    console.log(`code-server is running the extension: ${workbenchUrl(server, options.folder, options.developmentPaths)}`);
    const stop = () => server.stop().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  if (!options.testsPath) {
    console.error('usage: codeServerLauncher.js --extensionDevelopmentPath=DIR --extensionTestsPath=DIR [FOLDER]');
    process.exit(2);
  }
  process.exit(await runExtensionTests(options));
}

module.exports = { startCodeServer, launchBrowser, workbenchUrl, CHROMIUM_ARGS, ROOT };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
