import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { translationProgress } from '../core/translation/translationProgress';
import type { SegmentAlignments } from '../translation/segmentAlignments';
import type { TranslationStore } from '../translation/translationStore';
import { ArticleStatus, ArticleStatusItem } from './articleStatusItem';

/** How long typing must pause before the progress is counted again (ms). */
const REFRESH_DELAY_MS = 500;

/**
 * The translation progress of the document last active in an editor, as a CAT tool's status line
 * gives it: segments done (translated or reviewed, on their source as it is now) of all, and source
 * characters done (Chinese counted by character, translationProgress.ts). Shown only for a document
 * with translations; it stays while the reader panel has the focus (the panel is about that
 * document), and goes when the document closes. Clicking it opens the reader panel.
 */
export class TranslationProgressItem extends ArticleStatusItem {
  constructor(
    private readonly store: TranslationStore,
    private readonly alignments: SegmentAlignments,
  ) {
    super('bilingualReader.translationProgress', vscode.l10n.t('Translation Progress'), 99, REFRESH_DELAY_MS, [alignments.onDidChange]);
  }

  protected async statusOf(document: vscode.TextDocument): Promise<ArticleStatus | undefined> {
    // Most documents have no translations: known from the file alone, before anything is segmented.
    if (!this.store.fileFor(document.uri) || (await this.store.read(document.uri)).translations.length === 0) {
      return undefined;
    }
    const progress = translationProgress((await this.alignments.forDocument(document)).segments);
    const percent = progress.characters === 0 ? 0 : Math.floor((progress.doneCharacters * 100) / progress.characters);
    return {
      text: `$(globe) ${progress.done}/${progress.segments} · ${percent}%`,
      tooltip: vscode.l10n.t(
        'Translation of {0}: {1} of {2} segments done ({3} begun), {4} of {5} source characters (Chinese counted by character). Click to open the reader.',
        vscode.workspace.asRelativePath(document.uri),
        progress.done,
        progress.segments,
        progress.begun,
        progress.doneCharacters.toLocaleString(),
        progress.characters.toLocaleString(),
      ),
      command: { command: CommandId.OpenReader, title: vscode.l10n.t('Open Reader'), arguments: [document.uri] },
    };
  }
}
