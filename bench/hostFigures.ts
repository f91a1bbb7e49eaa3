import { runTests } from '@vscode/test-electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Activation and first conversions, measured inside code-server by bench/extensionHost. */
export interface HostFigures {
  readonly wasActive: boolean;
  readonly activationMs: number;
  readonly firstSimplifiedApiMs: number;
  readonly firstSimplifiedMs: number;
  readonly secondSimplifiedMs: number;
  readonly firstTraditionalApiMs: number;
  readonly firstTraditionalMs: number;
  readonly firstTraditionalHeapMB: number;
  readonly readerSimplifiedColdFirstMs: number;
  readonly readerSimplifiedColdLastMs: number;
  readonly readerSimplifiedWarmFirstMs: number;
  readonly readerSimplifiedWarmLastMs: number;
  readonly segmentedTraditionalApiMs: number;
  readonly readerPaintMs: number;
  readonly readerPaintFirstRubyMs: number;
  readonly readerPaintRubyMs: number;
  readonly firstHoverMs: number;
  readonly secondHoverMs: number;
}

/**
 * One fresh code-server window running bench/extensionHost with the extension at `extensionRoot`
 * (this repository by default; another checkout's production build to compare against it).
 */
export async function extensionHostFigures(extensionRoot = ROOT): Promise<HostFigures> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'br-bench-host-'));
  const results = path.join(workspace, 'results.json');
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || path.join(ROOT, 'scripts', 'codeServerLauncher.js'),
      extensionDevelopmentPath: extensionRoot,
      extensionTestsPath: path.join(ROOT, 'out', 'bench', 'extensionHost', 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { BR_BENCH_RESULTS: results },
    });
    return JSON.parse(fs.readFileSync(results, 'utf8'));
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}
