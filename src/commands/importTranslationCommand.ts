import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { AlignedSegment, translationFor } from '../core/translation/segmentTranslations';
import { ImportedSegment, matchImported, readXliff } from '../core/translation/translationImport';
import { alignText } from '../translation/alignedSegments';
import type { SegmentAlignments } from '../translation/segmentAlignments';
import { targetLanguage } from '../translation/targetLanguage';
import { TranslationFileError, TranslationStore } from '../translation/translationStore';
import { readTextIfPresent } from '../util/files';
import type { ProblemReporter } from '../util/problemReporter';
import { uriArgument } from '../util/uris';
import { argumentRecord, documentArgument } from './annotationArguments';

/** What an import did. */
export interface ImportResult {
  /** Sentences given a translation they did not have, or a different one. */
  readonly imported: number;
  /** Of those, sentences whose earlier, different translation was replaced (it stays in `backup`). */
  readonly replaced: number;
  /** Translated sentences of the file that are not in the article. */
  readonly unmatched: number;
  /** The copy of the translation file made before anything was replaced. */
  readonly backup?: string;
}

/**
 * `bilingualReader.importTranslation` with `{ uri?, source? }`: reads an XLIFF 2.0 or 1.2 file
 * (OmegaT, memoQ, Trados SDLXLIFF; translationImport.ts) and gives each article sentence whose source
 * it translates that translation and state. Sentences are matched by their text, in order; a
 * translation the article already has is replaced only after the translation file was copied beside
 * itself, and the message says so. Resolves to what it did, or undefined after telling the user why not.
 */
export class ImportTranslationCommand {
  static readonly id = CommandId.ImportTranslation;

  constructor(
    private readonly store: TranslationStore,
    private readonly alignments: SegmentAlignments,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<ImportResult | undefined> {
    const args = argumentRecord(argument);
    const document = await documentArgument(args, this.problems);
    if (!document) {
      return undefined;
    }
    const source =
      uriArgument(args.source) ??
      (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { XLIFF: ['xlf', 'xliff', 'mqxliff', 'sdlxliff'] }, title: vscode.l10n.t('Import Translation') }))?.[0];
    if (!source) {
      return undefined;
    }
    const where = vscode.workspace.asRelativePath(source);
    let segments;
    try {
      const text = await readTextIfPresent(source);
      if (text === undefined) {
        void this.problems.error(vscode.l10n.t('{0} does not exist.', where));
        return undefined;
      }
      segments = readXliff(text).segments;
    } catch (error) {
      void this.problems.error(vscode.l10n.t('{0} cannot be imported: {1}', where, error instanceof Error ? error.message : String(error)));
      return undefined;
    }
    try {
      // Would it replace translations? Then the file is copied first; the changes themselves are
      // worked out again inside the write queue, from the file as it is then.
      const before = await this.alignments.forDocument(document);
      const backup = changesOf(before.segments, segments).replaced > 0 ? await this.store.backup(document.uri, 'import') : undefined;
      let replaced = 0;
      let unmatched = 0;
      const saved = await this.store.update(document, targetLanguage(document), (stored) => {
        const text = document.getText();
        const changes = changesOf(alignText(text, stored.translations).segments, segments);
        if (changes.replaced > 0 && !backup) {
          // Another window translated these sentences since the check above: nothing is replaced uncopied.
          throw new TranslationFileError(vscode.l10n.t('The translations of {0} changed during the import: import again.', vscode.workspace.asRelativePath(document.uri)));
        }
        replaced = changes.replaced;
        unmatched = changes.unmatched;
        const now = new Date().toISOString();
        return changes.matches.map(({ segment, imported }) => translationFor(text, segment, imported.target, imported.state, now));
      });
      const result: ImportResult = { imported: saved.length, replaced, unmatched, ...(backup ? { backup: backup.toString() } : {}) };
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Imported {0} translations from {1}; {2} replaced earlier ones (kept in {3}); {4} sentences of the file are not in the article.',
          result.imported,
          where,
          result.replaced,
          backup ? vscode.workspace.asRelativePath(backup) : '—',
          result.unmatched,
        ),
      );
      return result;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void this.problems.error(error instanceof TranslationFileError ? reason : vscode.l10n.t('{0} cannot be imported: {1}', where, reason));
      return undefined;
    }
  }
}

/**
 * What importing `imported` into `segments` changes: the matched sentences whose translation or state
 * differs, how many of them had another, non-empty translation, and how many translated sentences of
 * the file are not in the article.
 */
function changesOf(
  segments: readonly AlignedSegment[],
  imported: readonly ImportedSegment[],
): { matches: { segment: AlignedSegment; imported: ImportedSegment }[]; replaced: number; unmatched: number } {
  const { matches, unmatched } = matchImported(segments, imported);
  const changed = matches.filter(({ segment, imported: item }) => segment.translation?.target !== item.target || segment.translation.state !== item.state);
  const replaced = changed.filter(({ segment, imported: item }) => (segment.translation?.target.length ?? 0) > 0 && segment.translation!.target !== item.target).length;
  return { matches: changed, replaced, unmatched: unmatched.length };
}
