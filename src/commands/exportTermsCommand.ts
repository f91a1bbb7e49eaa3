import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { uriArgument } from '../util/uris';
import { exportTarget } from './exportTarget';
import { termsToCsv, termsToTbx } from '../core/glossary/glossaryFiles';
import { GlossaryService } from '../glossary/glossaryService';
import { writeFileAtomically } from '../util/atomicWrite';
import { countTerms } from './listTermsCommand';

/** `bilingualReader.exportTerms` with `{ uri?, format?: 'csv' | 'tbx', target? }`: the document's terms as CSV or TBX. */
export class ExportTermsCommand {
  static readonly id = CommandId.ExportTerms;

  constructor(private readonly glossaries: GlossaryService) {}

  async execute(argument?: unknown): Promise<vscode.Uri | undefined> {
    const args = (typeof argument === 'object' && argument !== null && !(argument instanceof vscode.Uri) ? argument : {}) as Record<string, unknown>;
    const uri = uriArgument(args.uri) ?? (argument instanceof vscode.Uri ? argument : undefined) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document to export its glossary terms.'));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    let format = args.format === 'csv' || args.format === 'tbx' ? args.format : undefined;
    if (args.format !== undefined && !format) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Unknown export format {0}: use "csv" or "tbx".', String(args.format)));
      return undefined;
    }
    format ??= (
      await vscode.window.showQuickPick(
        [
          { label: 'CSV', description: vscode.l10n.t('spreadsheets, flash cards'), format: 'csv' as const },
          { label: 'TBX', description: vscode.l10n.t('CAT tools (TBX-Basic)'), format: 'tbx' as const },
        ],
        { title: vscode.l10n.t('Export glossary terms as') },
      )
    )?.format;
    if (!format) {
      return undefined;
    }
    const target = await exportTarget(args.target, uri, `terms.${format}`, format === 'csv' ? { CSV: ['csv'] } : { TBX: ['tbx'] });
    if (!target) {
      return undefined;
    }
    const terms = countTerms(await this.glossaries.termsIn(document)).map((g) => ({ entry: g.hits[0]!.entry, count: g.hits.length }));
    const content = format === 'csv' ? termsToCsv(terms) : termsToTbx(terms, vscode.workspace.asRelativePath(uri));
    await writeFileAtomically(target, new TextEncoder().encode(content));
    return target;
  }
}
