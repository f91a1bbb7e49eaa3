import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';

/**
 * The document last active in a text editor, which status items about "the article" follow: a
 * webview (the reader panel) taking the focus leaves no active editor, and the article it shows stays
 * the subject. Fires `switched` when the subject changes or closes, `edited` when its text changes.
 */
export class LastActiveDocument extends Disposable {
  private current: vscode.TextDocument | undefined = vscode.window.activeTextEditor?.document;
  private readonly changed = this.register(new vscode.EventEmitter<'switched' | 'edited'>());
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) {
          this.current = editor.document;
          this.changed.fire('switched');
        }
      }),
    );
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.document === this.current && e.contentChanges.length > 0 && this.changed.fire('edited')));
    this.register(
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document === this.current) {
          this.current = undefined;
          this.changed.fire('switched');
        }
      }),
    );
  }

  get document(): vscode.TextDocument | undefined {
    return this.current;
  }
}
