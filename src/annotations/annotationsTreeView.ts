import * as vscode from 'vscode';
import { quoteOf } from '../core/annotations/annotation';
import type { PlacedAnnotation } from '../core/annotations/annotationSet';
import { CommandId } from '../commandIds';
import { Disposable } from '../util/dispose';
import { AnnotationManager, DocumentNotes } from './annotationManager';

type Node = { kind: 'document'; notes: DocumentNotes } | { kind: 'note'; notes: DocumentNotes; placed: PlacedAnnotation };

/** The "Annotations" view: the notes of each open document, orphans included, with inline actions. */
export class AnnotationsTreeView extends Disposable implements vscode.TreeDataProvider<Node> {
  static readonly viewId = 'bilingualReader.annotations';
  private readonly changed = this.register(new vscode.EventEmitter<Node | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly annotations: AnnotationManager) {
    super();
    this.register(vscode.window.registerTreeDataProvider(AnnotationsTreeView.viewId, this));
    this.register(annotations.onDidChange(() => this.changed.fire(undefined)));
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
    const { annotation, range } = node.placed;
    const item = new vscode.TreeItem(quoteOf(annotation).exact.replace(/\s+/g, ' '), vscode.TreeItemCollapsibleState.None);
    item.description = (range ? '' : `${vscode.l10n.t('orphan')} · `) + annotation.body.note.split('\n')[0];
    item.tooltip = new vscode.MarkdownString().appendText(
      [annotation.body.note, annotation.body.translation ?? '', annotation.body.tags.map((t) => `#${t}`).join(' ')].filter(Boolean).join('\n\n'),
    );
    item.iconPath = new vscode.ThemeIcon(range ? 'note' : 'warning');
    item.contextValue = range ? 'annotation' : 'orphanAnnotation';
    const args = { uri: node.notes.document.toString(), id: annotation.id };
    item.command = { command: CommandId.GoToAnnotation, title: vscode.l10n.t('Go to Annotation'), arguments: [args] };
    return item;
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
