import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The reference article, from the copy in samples/ (a clone works without ../shared). */
export function referenceArticle(): string {
  return fs.readFileSync(path.join(ROOT, 'samples', 'wenweipo-2025-05-22-chip-controls.zh-Hant-HK.txt'), 'utf8');
}

/** OpenCC's upstream test data, copied into the repo so a clone works without ../shared. */
export function openccTestData(...segments: string[]): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'opencc-testcases', ...segments), 'utf8');
}
