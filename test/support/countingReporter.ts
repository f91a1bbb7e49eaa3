import Mocha from 'mocha';
import { writeCounts } from './mochaResults';

/**
 * Mocha's spec reporter that also leaves its counts in $BR_RESULTS_FILE, so the test script can
 * print one total line for the unit, extension-host and UI suites together.
 */
class CountingSpecReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once('end', () => {
      writeCounts(process.env.BR_RESULTS_FILE, {
        suite: process.env.BR_SUITE_NAME ?? 'mocha',
        passed: runner.stats?.passes ?? 0,
        failed: runner.stats?.failures ?? 0,
        pending: runner.stats?.pending ?? 0,
      });
    });
  }
}

export = CountingSpecReporter;
