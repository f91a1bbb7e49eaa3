import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { LearnerService } from '../learning/learnerService';
import type { ProblemReporter } from '../util/problemReporter';
import { argumentRecord, documentArgument } from './annotationArguments';

/**
 * `bilingualReader.markPageKnown` with `{ uri? }`: every word of the article still new becomes
 * known, as reading apps do when a page is turned (words being learned, and ignored ones, stay as
 * they are). Resolves to `{ marked }`, how many words changed, or undefined after saying why not.
 */
export class MarkPageKnownCommand {
  static readonly id = CommandId.MarkPageKnown;

  constructor(
    private readonly learner: LearnerService,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<{ marked: number } | undefined> {
    const document = await documentArgument(argumentRecord(argument), this.problems);
    if (!document) {
      return undefined;
    }
    try {
      const { words } = await this.learner.words(document);
      await this.learner.statuses.ready();
      const seen = new Set<string>();
      const changes = words
        .filter((w) => !seen.has(w.key) && seen.add(w.key) && this.learner.statuses.statusOf(w.key) === 'new')
        .map((w) => ({ key: w.key, word: w.word, status: 'known' as const }));
      await this.learner.statuses.set(changes);
      return { marked: changes.length };
    } catch (error) {
      void this.problems.error(vscode.l10n.t('The words of {0} could not be marked as known: {1}', vscode.workspace.asRelativePath(document.uri), error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }
}
