import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { ScriptDetector, ScriptKind, ScriptProfile } from '../core/detection/scriptDetector';
import { Disposable } from '../util/dispose';

/** How long typing must pause before the script is measured again. */
const REFRESH_DELAY_MS = 400;

/**
 * Shows which script the active document is written in (繁 / 简 / mixed, with the Traditional
 * share) whenever it contains Chinese; clicking it offers the conversions.
 */
export class ScriptStatusBarItem extends Disposable {
  private readonly item: vscode.StatusBarItem;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly detector: ScriptDetector,
    /** Called with the script of each Chinese document seen, so what converting it needs can be prepared ahead of use. */
    private readonly onScript: (kind: ScriptKind, document: vscode.TextDocument) => void = () => undefined,
  ) {
    super();
    this.item = this.register(vscode.window.createStatusBarItem('bilingualReader.script', vscode.StatusBarAlignment.Right, 100));
    this.item.name = vscode.l10n.t('Chinese Script');
    this.item.command = CommandId.Convert;
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)));
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) {
          this.schedule(REFRESH_DELAY_MS);
        }
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bilingualReader.statusBar.enabled')) {
          this.schedule(0);
        }
      }),
    );
    this.register({ dispose: () => clearTimeout(this.timer) });
    // Measured after activation has returned: detection loads OpenCC's character tables.
    this.schedule(REFRESH_DELAY_MS);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), delay);
  }

  private refresh(): void {
    const editor = vscode.window.activeTextEditor;
    const enabled = vscode.workspace.getConfiguration('bilingualReader').get<boolean>('statusBar.enabled', true);
    if (!editor || !enabled) {
      this.item.hide();
      return;
    }
    const profile = this.detector.detect(editor.document.getText());
    if (profile.kind === 'none') {
      this.item.hide();
      return;
    }
    this.onScript(profile.kind, editor.document);
    this.item.text = this.text(profile);
    this.item.tooltip = this.tooltip(profile);
    this.item.show();
  }

  private text(profile: ScriptProfile): string {
    const share = Math.round(profile.traditionalShare * 100);
    switch (profile.kind) {
      case 'traditional':
        return `$(symbol-text) 繁 ${share}%`;
      case 'simplified':
        return `$(symbol-text) 简 ${100 - share}%`;
      default:
        return `$(symbol-text) 繁${share}% 简${100 - share}%`;
    }
  }

  private tooltip(profile: ScriptProfile): string {
    const share = Math.round(profile.traditionalShare * 100);
    const parts = [
      vscode.l10n.t('Of the characters that differ between the scripts, {0}% are Traditional and {1}% Simplified.', share, 100 - share),
    ];
    if (profile.hongKongLike) {
      parts.push(vscode.l10n.t('Hong Kong usage detected.'));
    }
    parts.push(vscode.l10n.t('Click to convert.'));
    return parts.join(' ');
  }
}
