import * as vscode from 'vscode';
import { quoteOf } from '../core/annotations/annotation';
import type { PlacedAnnotation } from '../core/annotations/annotationSet';
import { CommandId } from '../commandIds';
import { glossaryWordsIn } from '../core/readings/columnReadings';
import type { ReadingService } from '../core/readings/readingService';
import type { GlossaryService } from '../glossary/glossaryService';
import { readingSettings, readingSystemLabel } from '../reader/readingSettings';
import { Disposable } from '../util/dispose';
import { AnnotationManager, EditorNotes as DocumentNotes } from './annotationManager';
import { placementBadge, placementSentence } from './placementLabels';

type Node = { kind: 'document'; notes: DocumentNotes } | { kind: 'note'; notes: DocumentNotes; placed: PlacedAnnotation };

/** The "Annotations" view: the notes of each open document, orphans included, with inline actions. */
export class AnnotationsTreeView extends Disposable implements vscode.TreeDataProvider<Node> {
  static readonly viewId = 'bilingualReader.annotations';
  private readonly changed = this.register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly annotations: AnnotationManager,
    private readonly readings: ReadingService,
    private readonly glossaries: GlossaryService,
  ) {
    super();
    this.register(vscode.window.registerTreeDataProvider(AnnotationsTreeView.viewId, this));
    this.register(annotations.onDidChange(() => this.changed.fire(undefined)));
    // Tooltips carry readings in the configured system: make them again when it changes.
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bilingualReader.readings')) {
          this.changed.fire(undefined);
        }
      }),
    );
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return this.annotations.annotated.map((notes) => ({ kind: 'document', notes }));
    }
    return node.kind === 'document' ? node.notes.set.all.map((placed) => ({ kind: 'note', notes: node.notes, placed })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'document') {
      const item = new vscode.TreeItem(node.notes.document, vscode.TreeItemCollapsibleState.Expanded);
      item.description = vscode.l10n.t('{0} notes', node.notes.set.all.length);
      return item;
    }
    const { annotation, range, placement } = node.placed;
    const item = new vscode.TreeItem(quoteOf(annotation).exact.replace(/\s+/g, ' '), vscode.TreeItemCollapsibleState.None);
    const badge = placementBadge(node.placed);
    item.description = (badge ? `${badge} · ` : '') + annotation.body.note.split('\n')[0];
    // The tooltip, with the quote's reading, is made when it is shown (resolveTreeItem).
    item.iconPath = new vscode.ThemeIcon(!range ? 'warning' : placement.review ? 'question' : 'note');
    item.contextValue = !range ? 'orphanAnnotation' : placement.review ? 'reviewAnnotation' : 'annotation';
    const args = { uri: node.notes.document.toString(), id: annotation.id };
    item.command = { command: CommandId.GoToAnnotation, title: vscode.l10n.t('Go to Annotation'), arguments: [args] };
    return item;
  }

  async resolveTreeItem(item: vscode.TreeItem, node: Node): Promise<vscode.TreeItem> {
    if (node.kind === 'note') {
      item.tooltip = await this.tooltip(node.notes, node.placed);
    }
    return item;
  }

  /** Note, translation and tags, after the quote's reading in the configured system (read with the quote's context). */
  async tooltip(notes: DocumentNotes, placed: PlacedAnnotation): Promise<vscode.MarkdownString> {
    const { annotation } = placed;
    const reading = await this.readingOf(notes.document, annotation).catch(() => '');
    const system = readingSettings(notes.document).readings;
    return new vscode.MarkdownString().appendText(
      [
        reading ? `${readingSystemLabel(system)}: ${reading}` : '',
        annotation.body.note,
        annotation.body.translation ?? '',
        annotation.body.tags.map((t) => `#${t}`).join(' '),
        placementSentence(placed),
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
  }

  /** The quote read between its stored prefix and suffix, so that its words are the text's words. */
  private async readingOf(document: vscode.Uri, annotation: PlacedAnnotation['annotation']): Promise<string> {
    const { prefix, exact, suffix } = quoteOf(annotation);
    const joined = (text: string) => text.replace(/\s+/g, '');
    const before = joined(prefix);
    const text = before + joined(exact) + joined(suffix);
    const matcher = await this.glossaries.termMatcher();
    const dictionary = await this.glossaries.dictionary().catch(() => undefined);
    return this.readings.readingOf(text, before.length, before.length + joined(exact).length, readingSettings(document).readings, {
      glossaryWords: glossaryWordsIn(matcher, text),
      dictionary,
    });
  }
}

/** Tree nodes passed to inline actions carry the document and the note. */
export function annotationArguments(node: unknown): { uri: string; id: string } | undefined {
  if (typeof node === 'object' && node !== null && 'placed' in node && 'notes' in node) {
    const { notes, placed } = node as { notes: DocumentNotes; placed: PlacedAnnotation };
    return { uri: notes.document.toString(), id: placed.annotation.id };
  }
  return undefined;
}
