import { reflow } from '../core/reader/reflow';
import { alignTranslations, Alignment, articleSegments, StoredTranslation } from '../core/translation/segmentTranslations';

/**
 * `text`'s segments as the reader cuts it, each with the stored translation placed on it
 * (segmentTranslations.ts), and the translations whose sentence is gone.
 */
export function alignText(text: string, stored: readonly StoredTranslation[]): Alignment {
  return alignTranslations(text, articleSegments(reflow(text)), stored);
}
