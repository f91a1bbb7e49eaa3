import type * as vscode from 'vscode';
import { reflow } from '../core/reader/reflow';
import { alignTranslations, Alignment, articleSegments, StoredTranslation } from '../core/translation/segmentTranslations';
import type { TranslationStore } from './translationStore';

/**
 * `text`'s segments as the reader cuts it, each with the stored translation placed on it
 * (segmentTranslations.ts), and the translations whose sentence is gone.
 */
export function alignText(text: string, stored: readonly StoredTranslation[]): Alignment {
  return alignTranslations(text, articleSegments(reflow(text)), stored);
}

/**
 * The document's segments as its text is now, with their translations, the text they were found in
 * and the language of its translation file (undefined when it has none yet).
 * @throws TranslationFileError when its translation file cannot be read
 */
export async function alignedSegments(document: vscode.TextDocument, store: TranslationStore): Promise<Alignment & { readonly text: string; readonly targetLanguage: string | undefined }> {
  const stored = await store.read(document.uri);
  // Read after the file, so that edits made meanwhile are in the text the translations are placed in.
  const text = document.getText();
  return { ...alignText(text, stored.translations), text, targetLanguage: stored.targetLanguage };
}
