import { extensionHostFigures, HostFigures } from './hostFigures';
import { summarize } from './stats';

/**
 * The extension-host figures alone, for this repository or another checkout's production build
 * (`node out/bench/hostOnly.js [path]`): run it on the previous commit and on this one, back to
 * back, to compare the reader's first paint or the first hover before and after a change.
 * Prints the median of three fresh windows of each figure.
 */
async function main(): Promise<void> {
  const root = process.argv[2];
  const runs: HostFigures[] = [];
  for (let i = 0; i < 3; i++) {
    runs.push(await extensionHostFigures(root));
  }
  for (const key of Object.keys(runs[0]!) as (keyof HostFigures)[]) {
    if (typeof runs[0]![key] === 'number') {
      console.log(`${key}\t${summarize(runs.map((r) => r[key] as number)).median.toFixed(1)}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
