import * as vscode from 'vscode';
import { quoteOf } from '../core/annotations/annotation';
import { Disposable } from '../util/dispose';
import { AnnotationManager } from './annotationManager';
import { placementSentence } from './placementLabels';

/** Highlights annotated text in editors (background and overview ruler) and shows the note on hover. */
export class AnnotationDecorations extends Disposable implements vscode.HoverProvider {
  private readonly decoration = this.register(
    vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('bilingualReader.annotationBackground'),
      overviewRulerColor: new vscode.ThemeColor('bilingualReader.annotationRuler'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  );

  constructor(private readonly annotations: AnnotationManager) {
    super();
    this.register(annotations.onDidChange(() => this.refresh()));
    this.register(vscode.window.onDidChangeVisibleTextEditors(() => this.refresh()));
    this.register(vscode.languages.registerHoverProvider({ pattern: '**' }, this));
    this.refresh();
  }

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const notes = this.annotations.loaded(document.uri);
    const here = notes?.set.at(document.offsetAt(position)) ?? [];
    if (here.length === 0) {
      return undefined;
    }
    const markdown = new vscode.MarkdownString();
    here.forEach((placed, i) => {
      const { annotation } = placed;
      if (i > 0) {
        markdown.appendMarkdown('\n\n---\n\n');
      }
      markdown.appendMarkdown('$(note) **');
      markdown.appendText(quoteOf(annotation).exact);
      markdown.appendMarkdown('**\n\n');
      markdown.appendText(annotation.body.note);
      if (annotation.body.translation) {
        markdown.appendMarkdown('\n\n*');
        markdown.appendText(annotation.body.translation);
        markdown.appendMarkdown('*');
      }
      if (annotation.body.tags.length > 0) {
        markdown.appendMarkdown('\n\n');
        markdown.appendText(annotation.body.tags.map((t) => `#${t}`).join(' '));
      }
      const placement = placementSentence(placed);
      if (placement) {
        markdown.appendMarkdown(placed.placement.review ? '\n\n$(warning) ' : '\n\n');
        markdown.appendText(placement);
      }
    });
    markdown.supportThemeIcons = true;
    const first = here[0]!.range!;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)));
  }

  private refresh(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const notes = this.annotations.loaded(editor.document.uri);
      const ranges = (notes?.set.all ?? [])
        .filter((p) => p.range)
        .map((p) => new vscode.Range(editor.document.positionAt(p.range!.start), editor.document.positionAt(p.range!.end)));
      editor.setDecorations(this.decoration, ranges);
    }
  }
}
