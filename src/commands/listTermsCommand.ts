import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { DocumentTermHit } from '../core/glossary/documentTerms';
import { GlossaryService } from '../glossary/glossaryService';

export interface TermCount {
  readonly term: string;
  readonly english: readonly string[];
  readonly count: number;
}

/** Groups a document's hits by glossary entry, most frequent first. */
export function countTerms(hits: readonly DocumentTermHit[]): { entryTerm: string; hits: DocumentTermHit[] }[] {
  const groups = new Map<string, DocumentTermHit[]>();
  for (const hit of hits) {
    const key = `${hit.entry.origin}\u0000${hit.entry.term}`;
    const list = groups.get(key);
    if (list) {
      list.push(hit);
    } else {
      groups.set(key, [hit]);
    }
  }
  return [...groups.values()]
    .map((list) => ({ entryTerm: list[0]!.entry.term, hits: list }))
    .sort((a, b) => b.hits.length - a.hits.length || a.entryTerm.localeCompare(b.entryTerm));
}

/** `bilingualReader.listTerms`: the document's glossary terms with counts; picking one jumps to it. */
export class ListTermsCommand {
  static readonly id = CommandId.ListTerms;

  constructor(private readonly glossaries: GlossaryService) {}

  async execute(): Promise<TermCount[] | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to list its glossary terms.'));
      return undefined;
    }
    const groups = countTerms(await this.glossaries.termsIn(editor.document));
    const counts = groups.map((g) => ({ term: g.entryTerm, english: g.hits[0]!.entry.english, count: g.hits.length }));
    void this.pick(editor, groups);
    return counts;
  }

  private async pick(editor: vscode.TextEditor, groups: ReturnType<typeof countTerms>): Promise<void> {
    if (groups.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No glossary terms in this document.'));
      return;
    }
    const document = editor.document;
    const term = await vscode.window.showQuickPick(
      groups.map((g) => ({ label: g.entryTerm, description: `× ${g.hits.length}`, detail: g.hits[0]!.entry.english.join('; '), group: g })),
      { title: vscode.l10n.t('Glossary terms in this document'), matchOnDetail: true },
    );
    if (!term) {
      return;
    }
    const hit =
      term.group.hits.length === 1
        ? term.group.hits[0]
        : (
            await vscode.window.showQuickPick(
              term.group.hits.map((h) => {
                const position = document.positionAt(h.start);
                return { label: vscode.l10n.t('Line {0}', position.line + 1), description: document.lineAt(position.line).text.trim(), hit: h };
              }),
              { title: term.label },
            )
          )?.hit;
    if (hit) {
      const range = new vscode.Range(document.positionAt(hit.start), document.positionAt(hit.end));
      const shown = await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn });
      shown.selection = new vscode.Selection(range.start, range.end);
      shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
}
