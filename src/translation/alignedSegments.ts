import type * as vscode from 'vscode';
import { reflow } from '../core/reader/reflow';
import { alignTranslations, Alignment, articleSegments } from '../core/translation/segmentTranslations';
import type { TranslationStore } from './translationStore';

/**
 * The document's segments as its text is now, each with its stored translation placed on it
 * (segmentTranslations.ts), and the translations whose sentence is gone.
 * @throws TranslationFileError when its translation file cannot be read
 */
export async function alignedSegments(document: vscode.TextDocument, store: TranslationStore): Promise<Alignment> {
  const stored = await store.read(document.uri);
  // Read after the file, so that edits made meanwhile are in the text the translations are placed in.
  const text = document.getText();
  return alignTranslations(text, articleSegments(reflow(text)), stored);
}
