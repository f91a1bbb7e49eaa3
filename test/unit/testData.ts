import * as fs from 'fs';
import * as path from 'path';
import { reflow } from '../../src/core/reader/reflow';
import { articleSegments, segmentSelectors, StoredTranslation } from '../../src/core/translation/segmentTranslations';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The reference article, from the copy in samples/ (a clone works without ../shared). */
export function referenceArticle(): string {
  return fs.readFileSync(path.join(ROOT, 'samples', 'wenweipo-2025-05-22-chip-controls.zh-Hant-HK.txt'), 'utf8');
}

/** OpenCC's upstream test data, copied into the repo so a clone works without ../shared. */
export function openccTestData(...segments: string[]): string {
  return fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'opencc-testcases', ...segments), 'utf8');
}

/**
 * A stored translation of segment `index` of `text` (as the reader segments it), with a fixed id made
 * from the index and a fixed time unless given.
 */
export function storedTranslation(
  text: string,
  index: number,
  target: string,
  state: StoredTranslation['state'],
  modified = '2026-11-30T10:00:00.000Z',
): StoredTranslation {
  const segment = articleSegments(reflow(text))[index]!;
  return { id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, created: modified, modified, target, state, selector: segmentSelectors(text, segment) };
}
