import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ScriptDetector } from '../core/detection/scriptDetector';
import { LONG_DOCUMENT_CHARACTERS } from '../core/reader/renderedBlock';
import type { LearnerService } from '../learning/learnerService';
import { knownPercent, readingLevelSummary } from '../learning/readingLevelText';
import { ArticleStatus, ArticleStatusItem } from './articleStatusItem';

/** How long typing must pause before the level is worked out again (ms): it segments the whole text. */
const REFRESH_DELAY_MS = 1000;

/**
 * The reading level of the Chinese document last active in an editor (it stays while the reader
 * panel has the focus) — the share of its words this learner knows and how many are new — for a user
 * who has marked at least one word (others are not learning with the extension, and are spared loading
 * CC-CEDICT for it). Clicking it says the level in full (bilingualReader.readingLevel).
 */
export class ReadingLevelItem extends ArticleStatusItem {
  constructor(
    private readonly learner: LearnerService,
    private readonly detector: ScriptDetector,
  ) {
    super('bilingualReader.readingLevel', vscode.l10n.t('Reading Level'), 98, REFRESH_DELAY_MS, [learner.statuses.onDidChange]);
  }

  protected async statusOf(document: vscode.TextDocument): Promise<ArticleStatus | undefined> {
    await this.learner.statuses.ready();
    const text = document.getText();
    // A novel-size text's level takes the extension host most of a second per megabyte (npm run bench):
    // not worked out again at every pause in typing; the command gives it on demand.
    if (!this.learner.statuses.anyMarked || text.length > LONG_DOCUMENT_CHARACTERS || this.detector.detect(text).kind === 'none') {
      return undefined;
    }
    const level = await this.learner.level(document);
    return {
      text: `$(mortar-board) ${vscode.l10n.t('{0}% known · {1} new', knownPercent(level), level.newWords)}`,
      tooltip: readingLevelSummary(vscode.workspace.asRelativePath(document.uri), level),
      command: CommandId.ReadingLevel,
    };
  }
}
