import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { writeCounts } from '../support/mochaResults';

/**
 * A plain-text reporter: one console line per event, each marked `[test]`. The console of an
 * extension host inside code-server reaches the launcher only through the browser's console, where
 * printf-style formatting is lost, so lines are formatted here.
 */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const say = (line: string) => console.log(`[test] ${line}`);
    let depth = 0;
    runner.on('suite', (suite) => {
      if (suite.title) {
        say(`${'  '.repeat(depth)}${suite.title}`);
      }
      depth++;
    });
    runner.on('suite end', () => depth--);
    runner.on('pass', (test) => say(`${'  '.repeat(depth)}✔ ${test.title}`));
    runner.on('pending', (test) => say(`${'  '.repeat(depth)}- ${test.title}`));
    runner.on('fail', (test, error: Error) =>
      say(`${'  '.repeat(depth)}✘ ${test.fullTitle()}\n${error.stack ?? error.message}`),
    );
    runner.once('end', () => {
      const stats = runner.stats;
      say(`${stats?.passes ?? 0} passing, ${stats?.failures ?? 0} failing, ${stats?.pending ?? 0} pending`);
    });
  }
}

/** Entry point VS Code calls in the extension host (`--extensionTestsPath`). */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: LineReporter });
  const grep = process.env.BR_TEST_GREP;
  if (grep) {
    mocha.grep(grep);
  }
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      writeCounts(process.env.BR_RESULTS_FILE, {
        suite: 'extension-host',
        passed: stats?.passes ?? 0,
        failed: stats?.failures ?? failures,
        pending: stats?.pending ?? 0,
      });
      if (failures > 0) {
        reject(new Error(`${failures} extension-host test(s) failed`));
      } else {
        resolve();
      }
    });
  });
}
