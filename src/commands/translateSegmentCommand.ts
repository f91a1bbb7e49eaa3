import { randomUUID } from 'crypto';
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { SEGMENT_STATES, SegmentState, segmentSelectors, StoredTranslation } from '../core/translation/segmentTranslations';
import { alignedSegments } from '../translation/alignedSegments';
import { targetLanguage } from '../translation/targetLanguage';
import { TranslationFileError, TranslationStore } from '../translation/translationStore';
import type { ProblemReporter } from '../util/problemReporter';
import { argumentRecord, documentArgument } from './annotationArguments';

/**
 * `bilingualReader.translateSegment` with `{ uri?, segment, text, state? }`: sets the translation of
 * segment `segment` (its index in listSegments) to `text`, with `state` (initial, draft, translated,
 * reviewed; default draft, or initial for an empty text), described on the sentence as it is now (a
 * translation flagged "source changed" is thereby confirmed). Resolves to `{ index, translation, state }`
 * once the translation file is written, or undefined after telling the user why not: bad arguments,
 * no such segment, a translation file that must not be written over, a failed write (the translation
 * is then not kept: the message says so, so that the user can copy it).
 */
export class TranslateSegmentCommand {
  static readonly id = CommandId.TranslateSegment;

  constructor(
    private readonly store: TranslationStore,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<{ index: number; translation: string; state: SegmentState } | undefined> {
    const args = argumentRecord(argument);
    const { segment: index, text, state: requested } = args as { segment?: unknown; text?: unknown; state?: unknown };
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || typeof text !== 'string' || (requested !== undefined && !SEGMENT_STATES.includes(requested as SegmentState))) {
      void this.problems.error(vscode.l10n.t('Translate Segment needs {0}.', '{ uri?, segment: number, text: string, state?: "initial" | "draft" | "translated" | "reviewed" }'));
      return undefined;
    }
    const document = await documentArgument(args, this.problems);
    if (!document) {
      return undefined;
    }
    try {
      const { segments } = await alignedSegments(document, this.store);
      const target = segments[index];
      if (!target) {
        void this.problems.error(vscode.l10n.t('{0} has {1} segments: there is no segment {2}.', vscode.workspace.asRelativePath(document.uri), segments.length, index));
        return undefined;
      }
      const state = (requested as SegmentState | undefined) ?? (text.length > 0 ? 'draft' : 'initial');
      const now = new Date().toISOString();
      const translation: StoredTranslation = {
        id: target.translation?.id ?? randomUUID(),
        created: target.translation?.created ?? now,
        modified: now,
        target: text,
        state,
        selector: segmentSelectors(document.getText(), target),
      };
      await this.store.save(document, [translation], targetLanguage(document));
      return { index, translation: text, state };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void this.problems.error(error instanceof TranslationFileError ? reason : vscode.l10n.t('The translation of segment {0} could not be saved ({1}): "{2}"', index, reason, text));
      return undefined;
    }
  }
}
