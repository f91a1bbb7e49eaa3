import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { GlossaryService } from './glossaryService';

/** Optional dotted underlines under glossary terms in visible editors (`bilingualReader.glossary.underline`). */
export class TermDecorations extends Disposable {
  private readonly decoration = this.register(
    vscode.window.createTextEditorDecorationType({
      textDecoration: 'underline dotted',
      overviewRulerColor: new vscode.ThemeColor('editorInfo.foreground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    }),
  );
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly glossaries: GlossaryService) {
    super();
    const schedule = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.refresh(), 200);
    };
    this.register(vscode.window.onDidChangeVisibleTextEditors(schedule));
    this.register(vscode.workspace.onDidChangeTextDocument(schedule));
    this.register(glossaries.onDidChange(schedule));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bilingualReader.glossary')) {
          schedule();
        }
      }),
    );
    this.register({ dispose: () => clearTimeout(this.timer) });
    schedule();
  }

  private async refresh(): Promise<void> {
    const config = vscode.workspace.getConfiguration('bilingualReader');
    const enabled = config.get<boolean>('glossary.underline', false);
    const languages = config.get<string[]>('glossary.languages', ['plaintext', 'markdown']);
    for (const editor of vscode.window.visibleTextEditors) {
      if (!enabled || !languages.includes(editor.document.languageId)) {
        editor.setDecorations(this.decoration, []);
        continue;
      }
      const hits = await this.glossaries.termsIn(editor.document);
      editor.setDecorations(
        this.decoration,
        hits.flatMap((hit) => hit.pieces.map((p) => new vscode.Range(editor.document.positionAt(p.start), editor.document.positionAt(p.end)))),
      );
    }
  }
}
