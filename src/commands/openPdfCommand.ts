import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { extractPdfText, PdfEncryptedError } from '../core/pdf/pdfText';
import { writeFileAtomically } from '../util/atomicWrite';
import type { ProblemReporter } from '../util/problemReporter';
import { uriArgument, uriBasename } from '../util/uris';
import { argumentRecord } from './annotationArguments';

/** A PDF still being read after this long (ms) gets a progress notification that can cancel. */
const PROGRESS_AFTER_MS = 1000;

/**
 * `bilingualReader.openPdf` with `{ uri, replace? }` (or a URI, from the Explorer's or the editor
 * title's menu; without one, a file dialog): the PDF's text, in reading order with Chinese
 * typesetting mended (pdfLayout.ts), written as `<name>.txt` beside it and opened with the reader
 * panel. An existing text file is opened as it is — from a menu, after asking whether to extract
 * again — unless `replace` is true; it is then replaced, and its notes and translations follow their
 * text as after any outside edit. An encrypted PDF, or one without a text layer (a scan), gets a
 * message and nothing is written; so does vertical text, which is not supported. A PDF still being
 * read after a second shows its progress, page by page, with Cancel (nothing is written then).
 * Resolves to the text file's URI, or undefined.
 */
export class OpenPdfCommand {
  static readonly id = CommandId.OpenPdf;

  constructor(private readonly problems: ProblemReporter) {}

  async execute(argument?: unknown): Promise<vscode.Uri | undefined> {
    const args = argumentRecord(argument);
    // A URI alone comes from a menu: a person is there to be asked.
    const fromMenu = argument instanceof vscode.Uri || argument === undefined;
    const pdf =
      uriArgument(args.uri) ??
      (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Open PDF'), filters: { PDF: ['pdf'] }, canSelectMany: false }))?.[0];
    if (!pdf) {
      return undefined;
    }
    const target = vscode.Uri.joinPath(pdf, '..', `${uriBasename(pdf).replace(/\.pdf$/i, '')}.txt`);
    const exists = await vscode.workspace.fs.stat(target).then(
      () => true,
      () => false,
    );
    let replace = args.replace === true;
    if (exists && !replace && fromMenu) {
      const again = vscode.l10n.t('Extract Again (Replace)');
      const open = vscode.l10n.t('Open the Text');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t('{0} exists already. Open it, or extract the PDF again and replace it (its notes and translations follow their text)?', uriBasename(target)),
        { modal: true },
        open,
        again,
      );
      if (!choice) {
        return undefined;
      }
      replace = choice === again;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (exists && replace && open?.isDirty) {
      // Written under an editor with unsaved changes, the new text would meet them at the next save.
      void this.problems.error(vscode.l10n.t('{0} has unsaved changes: save or revert them, then extract again.', uriBasename(target)));
      return undefined;
    }
    if (!exists || replace) {
      const written = await this.extract(pdf, target);
      if (!written) {
        return undefined;
      }
    }
    const document = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand(CommandId.OpenReader, target);
    return target;
  }

  /** Extracts `pdf` into `target`; false after saying why nothing was written (or on cancel). */
  private async extract(pdf: vscode.Uri, target: vscode.Uri): Promise<boolean> {
    const name = vscode.workspace.asRelativePath(pdf);
    let data: Uint8Array;
    try {
      data = await vscode.workspace.fs.readFile(pdf);
    } catch (error) {
      void this.problems.error(vscode.l10n.t('Cannot read {0}: {1}', name, error instanceof Error ? error.message : String(error)));
      return false;
    }
    // Most PDFs are read before a notification would be seen: one shows, with Cancel, only for those
    // still being read after a second (a report of a hundred pages).
    let report: ((page: number, pages: number) => void) | undefined;
    let cancelled = false;
    const work = extractPdfText(data, (page, pages) => {
      report?.(page, pages);
      return !cancelled;
    });
    const timer = setTimeout(() => {
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading {0}', name), cancellable: true }, (progress, token) => {
        token.onCancellationRequested(() => (cancelled = true));
        let done = 0;
        report = (page, pages) => {
          progress.report({ message: vscode.l10n.t('page {0} of {1}', page, pages), increment: ((page - done) * 100) / pages });
          done = page;
        };
        return work.catch(() => undefined);
      });
    }, PROGRESS_AFTER_MS);
    try {
      const result = await work.finally(() => clearTimeout(timer));
      // Cancelled (between pages, or while the pages were laid out): nothing is written.
      if (!result || cancelled) {
        return false;
      }
      if (result.text.trim().length === 0) {
        void this.problems.error(
          result.verticalPages.length > 0
            ? vscode.l10n.t('{0} is set in vertical text, which is not supported yet: nothing was written.', name)
            : vscode.l10n.t('{0} has no text layer (a scanned page?): there is no text to read without OCR, and nothing was written.', name),
        );
        return false;
      }
      if (result.verticalPages.length > 0) {
        void this.problems.warn(vscode.l10n.t('Pages {0} of {1} are set in vertical text, which is not supported yet: their text is left out.', result.verticalPages.join(', '), name));
      }
      try {
        await writeFileAtomically(target, new TextEncoder().encode(result.text));
      } catch (error) {
        void this.problems.error(vscode.l10n.t('{0} could not be written: {1}', vscode.workspace.asRelativePath(target), error instanceof Error ? error.message : String(error)));
        return false;
      }
      return true;
    } catch (error) {
      void this.problems.error(
        error instanceof PdfEncryptedError
          ? vscode.l10n.t('{0} is encrypted: its text cannot be read, and nothing was written.', name)
          : vscode.l10n.t('{0} could not be read as a PDF: {1}', name, error instanceof Error ? error.message : String(error)),
      );
      return false;
    }
  }
}
