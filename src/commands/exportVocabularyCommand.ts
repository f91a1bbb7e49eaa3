import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { toAnkiCsv, toVocabularyTsv } from '../core/learning/vocabularyExport';
import { vocabularyOf, vocabularySources, VocabularyServices } from '../learning/vocabulary';
import { writeFileAtomically } from '../util/atomicWrite';
import type { ProblemReporter } from '../util/problemReporter';
import { uriBasename } from '../util/uris';
import { argumentRecord, documentArgument } from './annotationArguments';
import { exportFormat, exportTarget, FormatChoice } from './exportTarget';

type Format = 'anki' | 'tsv';

/**
 * `bilingualReader.exportVocabulary` with `{ uri?, format: 'anki' | 'tsv', target? }`: the article's
 * new and learning words, most used first, as an Anki CSV (word, other script, reading with tones in
 * the readings setting's romanisation, meaning, the first sentence with the word as a cloze, the
 * article's name as a tag) or a plain TSV; a word exported before with the same status is left out
 * (the statuses remember what was exported). Resolves to `{ target, exported, skipped }`, or
 * undefined after saying why not.
 */
export class ExportVocabularyCommand {
  static readonly id = CommandId.ExportVocabulary;

  constructor(
    private readonly services: VocabularyServices,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<{ target: string; exported: number; skipped: number } | undefined> {
    const args = argumentRecord(argument);
    const choices: FormatChoice<Format>[] = [
      { label: vscode.l10n.t('Anki (CSV)'), detail: vscode.l10n.t('Word, other script, reading, meaning, sentence as a cloze, tag'), format: 'anki' },
      { label: vscode.l10n.t('Tab-separated text'), format: 'tsv' },
    ];
    const format = await exportFormat(args.format, choices, vscode.l10n.t('Export Vocabulary'), this.problems);
    const document = format && (await documentArgument(args, this.problems));
    if (!format || !document) {
      return undefined;
    }
    const target = await exportTarget(args.target, document.uri, format === 'anki' ? 'anki.csv' : 'vocabulary.tsv');
    if (!target) {
      return undefined;
    }
    if (target.toString() === document.uri.toString()) {
      void this.problems.error(vscode.l10n.t('An export is not written over the article: choose another file.'));
      return undefined;
    }
    try {
      const entries = await vocabularyOf(document, await vocabularySources(document, this.services));
      const fresh = entries.filter((e) => !e.exported);
      const cards = fresh.map((e) => e.card);
      const name = uriBasename(document.uri);
      await writeFileAtomically(target, new TextEncoder().encode(format === 'anki' ? toAnkiCsv(cards, name) : toVocabularyTsv(cards)));
      // Remembered once the file is there: a failed write exports them again next time.
      await this.services.learner.statuses.markExported(fresh.map((e) => ({ key: e.key, word: e.card.word })));
      return { target: target.toString(), exported: fresh.length, skipped: entries.length - fresh.length };
    } catch (error) {
      void this.problems.error(vscode.l10n.t('The vocabulary of {0} could not be exported: {1}', vscode.workspace.asRelativePath(document.uri), error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }
}
