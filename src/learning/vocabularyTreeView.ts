import * as vscode from 'vscode';
import type { WordStatus } from '../core/learning/wordStatusKind';
import type { ScriptDetector } from '../core/detection/scriptDetector';
import { Disposable } from '../util/dispose';
import { LastActiveDocument } from '../status/lastActiveDocument';
import { VocabularyEntry, vocabularyOf, vocabularySources, VocabularyServices } from './vocabulary';

/** Words listed at most: the most used ones of a long text; the export has them all. */
const MAX_WORDS = 300;
/** Typing pauses this long (ms) before the list is made again. */
const REFRESH_DELAY_MS = 1000;

/**
 * The "Vocabulary" view: the new and learning words of the Chinese document last active in an editor,
 * most used in it first, each with its status, count and reading, and in its tooltip its meaning and
 * the first sentence it occurs in. A click selects the word there in the editor, which the reader
 * panel follows. Made again when statuses or the document change.
 */
export class VocabularyTreeView extends Disposable implements vscode.TreeDataProvider<VocabularyEntry> {
  static readonly viewId = 'bilingualReader.vocabulary';
  private readonly changed = this.register(new vscode.EventEmitter<undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subject = this.register(new LastActiveDocument());
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly services: VocabularyServices,
    private readonly detector: ScriptDetector,
    private readonly statusLabel: (status: WordStatus) => string,
  ) {
    super();
    const view = this.register(vscode.window.createTreeView(VocabularyTreeView.viewId, { treeDataProvider: this }));
    const refresh = (delay = 0) => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.changed.fire(undefined), delay);
    };
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.register(this.subject.onDidChange((change) => refresh(change === 'edited' ? REFRESH_DELAY_MS : 0)));
    this.register(services.learner.statuses.onDidChange(() => refresh()));
    this.register(view.onDidChangeVisibility(() => view.visible && refresh()));
  }

  async getChildren(entry?: VocabularyEntry): Promise<VocabularyEntry[]> {
    const document = this.subject.document;
    if (entry || !document || document.isClosed || this.detector.detect(document.getText()).kind === 'none') {
      return [];
    }
    try {
      return await vocabularyOf(document, await vocabularySources(document, this.services), MAX_WORDS);
    } catch {
      // CC-CEDICT could not load: the reader and the commands say so; the view stays empty.
      return [];
    }
  }

  getTreeItem(entry: VocabularyEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(entry.card.word, vscode.TreeItemCollapsibleState.None);
    item.description = `${this.statusLabel(entry.status)} · ×${entry.count} · ${entry.card.reading}`;
    item.tooltip = new vscode.MarkdownString()
      .appendText(`${entry.card.word}${entry.card.otherScript ? ` (${entry.card.otherScript})` : ''} ${entry.card.reading}\n\n`)
      .appendText(`${entry.card.meaning}\n\n`)
      .appendText(entry.card.sentence);
    item.iconPath = new vscode.ThemeIcon(entry.status === 'new' ? 'circle-large-outline' : 'circle-large-filled');
    const document = this.subject.document;
    if (document && entry.range) {
      const selection = new vscode.Range(document.positionAt(entry.range.start), document.positionAt(entry.range.end));
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Show the Word'), arguments: [document.uri, { selection, preserveFocus: false }] };
    }
    return item;
  }
}
