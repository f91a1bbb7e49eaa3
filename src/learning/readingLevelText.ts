import * as vscode from 'vscode';
import type { ReadingLevel } from '../core/learning/readingLevel';
import type { WordStatus } from '../core/learning/wordStatusKind';

/** The share of words known as a whole percentage, rounded down (99.6% known is not "100%"). */
export function knownPercent(level: ReadingLevel): number {
  return Math.floor(level.knownShare * 100);
}

/** The reading level in a sentence, for messages, the status bar's tooltip and the panel. */
export function readingLevelSummary(name: string, level: ReadingLevel): string {
  return vscode.l10n.t(
    '{0}: {1}% of its {2} words known; {3} new words ({4} common, {5} less common, {6} rare, {7} not in the frequency list), {8} being learned.',
    name,
    knownPercent(level),
    level.runningWords,
    level.newWords,
    level.newByBand.common,
    level.newByBand.medium,
    level.newByBand.rare,
    level.newByBand.unlisted,
    level.learningWords,
  );
}

/** A status as the user reads it (the Vocabulary view, messages). */
export function wordStatusLabel(status: WordStatus): string {
  switch (status) {
    case 'new':
      return vscode.l10n.t('New');
    case 'known':
      return vscode.l10n.t('Known');
    case 'ignored':
      return vscode.l10n.t('Ignore');
    default:
      return vscode.l10n.t('Learning {0}', status.slice('learning'.length));
  }
}
