import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { translationProgress } from '../core/translation/translationProgress';
import type { SegmentAlignments } from '../translation/segmentAlignments';
import type { TranslationStore } from '../translation/translationStore';
import { Disposable } from '../util/dispose';

/** How long typing must pause before the progress is counted again (ms). */
const REFRESH_DELAY_MS = 500;

/**
 * The translation progress of the document last active in an editor, as a CAT tool's status line
 * gives it: segments done (translated or reviewed, on their source as it is now) of all, and source
 * characters done (Chinese counted by character, translationProgress.ts). Shown only for a document
 * with translations; it stays while the reader panel has the focus (the panel is about that
 * document), and goes when the document closes. Clicking it opens the reader panel.
 */
export class TranslationProgressItem extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private subject: vscode.TextDocument | undefined;
  /** The last refresh: an older one still counting does not show its figures. */
  private refreshes = 0;

  constructor(
    private readonly store: TranslationStore,
    private readonly alignments: SegmentAlignments,
  ) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem('bilingualReader.translationProgress', vscode.StatusBarAlignment.Right, 99));
    this.item.name = vscode.l10n.t('Translation Progress');
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.register(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // A webview (the reader panel) taking the focus leaves no active editor: the subject stays.
        if (editor) {
          this.subject = editor.document;
          this.schedule(0);
        }
      }),
    );
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.document === this.subject && e.contentChanges.length > 0 && this.schedule(REFRESH_DELAY_MS)));
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.subject) {
          this.subject = undefined;
          this.schedule(0);
        }
      }),
    );
    this.register(alignments.onDidChange(() => this.schedule(0)));
    this.subject = vscode.window.activeTextEditor?.document;
    this.schedule(REFRESH_DELAY_MS);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const refresh = ++this.refreshes;
    const document = this.subject;
    const alignment =
      document && this.store.fileFor(document.uri)
        ? // Most documents have no translations: known from the file alone, before anything is segmented.
          await this.store
            .read(document.uri)
            .then((stored) => (stored.translations.length > 0 ? this.alignments.forDocument(document) : undefined))
            .catch(() => undefined)
        : undefined;
    if (refresh !== this.refreshes) {
      return;
    }
    if (!document || !alignment) {
      this.item.hide();
      return;
    }
    const progress = translationProgress(alignment.segments);
    const percent = progress.characters === 0 ? 0 : Math.floor((progress.doneCharacters * 100) / progress.characters);
    this.item.text = `$(globe) ${progress.done}/${progress.segments} · ${percent}%`;
    this.item.tooltip = vscode.l10n.t(
      'Translation of {0}: {1} of {2} segments done ({3} begun), {4} of {5} source characters (Chinese counted by character). Click to open the reader.',
      vscode.workspace.asRelativePath(document.uri),
      progress.done,
      progress.segments,
      progress.begun,
      progress.doneCharacters.toLocaleString(),
      progress.characters.toLocaleString(),
    );
    this.item.accessibilityInformation = { label: this.item.tooltip };
    this.item.command = { command: CommandId.OpenReader, title: vscode.l10n.t('Open Reader'), arguments: [document.uri] };
    this.item.show();
  }
}
