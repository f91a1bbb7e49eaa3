import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { SEGMENT_STATES, SegmentState } from '../core/translation/segmentTranslations';
import { saveSegment, StaleSegment } from '../translation/saveSegment';
import { TranslationFileError, TranslationStore } from '../translation/translationStore';
import type { ProblemReporter } from '../util/problemReporter';
import { argumentRecord, documentArgument } from './annotationArguments';

/**
 * `bilingualReader.translateSegment` with `{ uri?, segment, text, state?, source? }`: sets the
 * translation of segment `segment` (its index in listSegments) to `text`, with `state` (initial,
 * draft, translated, reviewed; default draft, or initial for an empty text), described on the
 * sentence as it is now (a translation flagged "source changed" is thereby confirmed). With `source`
 * (the sentence as listSegments gave it), the article must still have that sentence there — callers
 * that listed the segments earlier should give it, or an edit in between would put the translation on
 * another sentence. The segment is looked up inside the translation file's write queue, so two quick
 * saves of one sentence make one translation. Resolves to `{ index, translation, state }` once the
 * file is written, or undefined after telling the user why not (the text is in the message when a
 * write failed, so that nothing typed is lost).
 */
export class TranslateSegmentCommand {
  static readonly id = CommandId.TranslateSegment;

  constructor(
    private readonly store: TranslationStore,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<{ index: number; translation: string; state: SegmentState } | undefined> {
    const args = argumentRecord(argument);
    const { segment: index, text, state: requested, source } = args as { segment?: unknown; text?: unknown; state?: unknown; source?: unknown };
    const state = (requested as SegmentState | undefined) ?? (typeof text === 'string' && text.length > 0 ? 'draft' : 'initial');
    if (
      typeof index !== 'number' ||
      !Number.isInteger(index) ||
      index < 0 ||
      typeof text !== 'string' ||
      !SEGMENT_STATES.includes(state) ||
      (source !== undefined && typeof source !== 'string') ||
      // A translated or reviewed segment has a translation (XLIFF checkers flag an empty target).
      ((state === 'translated' || state === 'reviewed') && text.trim().length === 0)
    ) {
      void this.problems.error(vscode.l10n.t('Translate Segment needs {0}.', '{ uri?, segment: number, text: string, state?: "initial" | "draft" | "translated" | "reviewed", source?: string } (translated and reviewed segments need a text)'));
      return undefined;
    }
    const document = await documentArgument(args, this.problems);
    if (!document) {
      return undefined;
    }
    try {
      await saveSegment(this.store, document, { index, text, state, source });
      return { index, translation: text, state };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void this.problems.error(
        error instanceof TranslationFileError || error instanceof StaleSegment ? `${reason} ${vscode.l10n.t('Not saved: "{0}"', text)}` : vscode.l10n.t('The translation of segment {0} could not be saved ({1}): "{2}"', index, reason, text),
      );
      return undefined;
    }
  }
}
