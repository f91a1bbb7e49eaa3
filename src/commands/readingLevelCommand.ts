import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ReadingLevel } from '../core/learning/readingLevel';
import type { LearnerService } from '../learning/learnerService';
import { readingLevelSummary } from '../learning/readingLevelText';
import type { ProblemReporter } from '../util/problemReporter';
import { argumentRecord, documentArgument } from './annotationArguments';

/**
 * `bilingualReader.readingLevel` with `{ uri? }` (default: the active editor's document): how hard
 * the article is for this learner — running words, the share known, new and learning words, and the
 * new words by frequency band (ReadingLevel). Run from the palette, it also says it in a message.
 * Resolves to the figures, or undefined after saying why not.
 */
export class ReadingLevelCommand {
  static readonly id = CommandId.ReadingLevel;

  constructor(
    private readonly learner: LearnerService,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<ReadingLevel | undefined> {
    const args = argumentRecord(argument);
    const document = await documentArgument(args, this.problems);
    if (!document) {
      return undefined;
    }
    try {
      const level = await this.learner.level(document);
      if (args.uri === undefined) {
        void vscode.window.showInformationMessage(readingLevelSummary(vscode.workspace.asRelativePath(document.uri), level));
      }
      return level;
    } catch (error) {
      void this.problems.error(vscode.l10n.t('The reading level of {0} could not be worked out: {1}', vscode.workspace.asRelativePath(document.uri), error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }
}
