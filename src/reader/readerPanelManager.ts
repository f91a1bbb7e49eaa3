import * as vscode from 'vscode';
import type { ReaderState } from '../protocol/readerMessages';
import { Disposable } from '../util/dispose';
import { ReaderPanel, ReaderServices } from './readerPanel';

/**
 * One reader panel per document. Also restores panels after a window reload: VS Code hands back
 * the webview with the state the page saved, and the panel is rebuilt on the same document.
 */
export class ReaderPanelManager extends Disposable implements vscode.WebviewPanelSerializer<ReaderState> {
  private readonly panels = new Map<string, ReaderPanel>();

  constructor(private readonly services: ReaderServices) {
    super();
    this.register(vscode.window.registerWebviewPanelSerializer(ReaderPanel.viewType, this));
    this.register({ dispose: () => [...this.panels.values()].forEach((p) => p.dispose()) });
  }

  panelFor(uri: vscode.Uri): ReaderPanel | undefined {
    return this.panels.get(uri.toString());
  }

  /** Shows the document's panel beside the editor, creating it the first time. */
  async open(document: vscode.TextDocument): Promise<ReaderPanel> {
    const existing = this.panelFor(document.uri);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      ReaderPanel.viewType,
      vscode.l10n.t('Reader'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.services.extensionUri, 'media')] },
    );
    return this.track(new ReaderPanel(panel, document, this.services));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: ReaderState | undefined): Promise<void> {
    if (!state || typeof state.source !== 'string') {
      panel.dispose();
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(state.source));
      this.panelFor(document.uri)?.dispose();
      this.track(new ReaderPanel(panel, document, this.services, state));
    } catch {
      // The document is gone (deleted, or an untitled one after a reload): nothing to restore.
      panel.dispose();
    }
  }

  private track(panel: ReaderPanel): ReaderPanel {
    const key = panel.uri.toString();
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) {
        this.panels.delete(key);
      }
    });
    return panel;
  }
}
