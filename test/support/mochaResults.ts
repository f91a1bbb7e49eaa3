import * as fs from 'fs';

/** The counts a suite leaves behind, so that scripts/test.sh can print one total for the whole run. */
export interface SuiteCounts {
  readonly suite: string;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
}

export function writeCounts(file: string | undefined, counts: SuiteCounts): void {
  if (file) {
    fs.writeFileSync(file, JSON.stringify(counts));
  }
}
