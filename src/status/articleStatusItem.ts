import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { LastActiveDocument } from './lastActiveDocument';

/** What an article status item shows: its text and tooltip, and the command a click runs. */
export interface ArticleStatus {
  readonly text: string;
  readonly tooltip: string;
  readonly command?: vscode.Command | string;
}

/**
 * A status bar item about the document last active in an editor (LastActiveDocument: it stays while
 * the reader panel has the focus), worked out again when the document changes (after typing pauses
 * `editDelayMs`) or when `changes` fire. Subclasses say what to show, or nothing (hidden); a
 * refresh overtaken by a newer one shows nothing.
 */
export abstract class ArticleStatusItem extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subject = this.register(new LastActiveDocument());
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshes = 0;

  constructor(id: string, name: string, priority: number, editDelayMs: number, changes: readonly vscode.Event<unknown>[]) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem(id, vscode.StatusBarAlignment.Right, priority));
    this.item.name = name;
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.register(this.subject.onDidChange((change) => this.schedule(change === 'edited' ? editDelayMs : 0)));
    for (const change of changes) {
      this.register(change(() => this.schedule(0)));
    }
    this.schedule(editDelayMs);
  }

  /** What to show for `document`, or undefined to hide the item. */
  protected abstract statusOf(document: vscode.TextDocument): Promise<ArticleStatus | undefined>;

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const refresh = ++this.refreshes;
    const document = this.subject.document;
    const status = document ? await this.statusOf(document).catch(() => undefined) : undefined;
    if (refresh !== this.refreshes) {
      return;
    }
    if (!status) {
      this.item.hide();
      return;
    }
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.item.accessibilityInformation = { label: status.tooltip };
    this.item.command = status.command;
    this.item.show();
  }
}
