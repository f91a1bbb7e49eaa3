import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { isWordStatus, WORD_STATUSES, WordStatus } from '../core/learning/wordStatus';
import type { LearnerService } from '../learning/learnerService';
import type { ProblemReporter } from '../util/problemReporter';
import { argumentRecord } from './annotationArguments';

/**
 * `bilingualReader.setWordStatus` with `{ word, status }` (status: new, learning1–learning4, known,
 * ignored): sets the learner's status of `word`, in every script and regional form (its key:
 * wordKey). Resolves to `{ word, key, status }` once saved, or undefined after saying why not.
 */
export class SetWordStatusCommand {
  static readonly id = CommandId.SetWordStatus;

  constructor(
    private readonly learner: LearnerService,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<{ word: string; key: string; status: WordStatus } | undefined> {
    const { word, status } = argumentRecord(argument) as { word?: unknown; status?: unknown };
    if (typeof word !== 'string' || word.trim().length === 0 || word.length > 100 || !isWordStatus(status)) {
      void this.problems.error(vscode.l10n.t('Set Word Status needs {0}.', `{ word: string, status: ${WORD_STATUSES.map((s) => `"${s}"`).join(' | ')} }`));
      return undefined;
    }
    const key = await this.learner.keyOf(word.trim());
    try {
      await this.learner.statuses.set([{ key, word: word.trim(), status }]);
      return { word: word.trim(), key, status };
    } catch (error) {
      void this.problems.error(vscode.l10n.t('The status of {0} could not be saved: {1}', word, error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }
}
