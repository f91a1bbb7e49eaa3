import * as vscode from 'vscode';
import { SegmentState, translationFor } from '../core/translation/segmentTranslations';
import { alignText } from './alignedSegments';
import { targetLanguage } from './targetLanguage';
import type { TranslationStore } from './translationStore';

/** A request the article no longer fits: no such segment, or another sentence there now (the message says which). */
export class StaleSegment extends Error {}

/** One segment's new translation: `index` in article order, and the sentence it was made for, if known. */
export interface SegmentEdit {
  readonly index: number;
  readonly text: string;
  readonly state: SegmentState;
  readonly source?: string;
  /**
   * With `source`: when the sentence is no longer at `index` but elsewhere (an edit above moved it),
   * save it on the nearest segment that has it, rather than refuse. The panel's column asks this: its
   * saves may reach the file after an edit that its page had not yet shown.
   */
  readonly followMoved?: boolean;
}

/**
 * Sets the translation of segment `edit.index` of `document`, described on its sentence as it is now
 * (a translation flagged "source changed" is thereby confirmed). The segment is looked up inside the
 * translation file's write queue, so two quick saves of one sentence make one translation; with
 * `edit.source`, the article must still have that sentence there. Resolves once the file is written.
 * @throws StaleSegment when there is no such segment or another sentence is there
 * @throws TranslationFileError when the translation file must not be written (TranslationStore.update)
 * @throws Error when writing fails
 */
export async function saveSegment(store: TranslationStore, document: vscode.TextDocument, edit: SegmentEdit): Promise<void> {
  await store.update(document, targetLanguage(document), (stored) => {
    const articleText = document.getText();
    const { segments } = alignText(articleText, stored.translations);
    let target = segments[edit.index];
    if (edit.source !== undefined && target?.source !== edit.source && edit.followMoved) {
      target = nearestWith(segments, edit.source, edit.index) ?? target;
    }
    if (!target) {
      throw new StaleSegment(vscode.l10n.t('{0} has {1} segments: there is no segment {2}.', vscode.workspace.asRelativePath(document.uri), segments.length, edit.index));
    }
    if (edit.source !== undefined && target.source !== edit.source) {
      throw new StaleSegment(vscode.l10n.t('Segment {0} of {1} is now "{2}", not the sentence given: list the segments again.', edit.index, vscode.workspace.asRelativePath(document.uri), target.source));
    }
    return [translationFor(articleText, target, edit.text, edit.state, new Date().toISOString())];
  });
}

/** The segment with `source` as its sentence nearest to `index`, if any. */
function nearestWith<S extends { readonly source: string; readonly index: number }>(segments: readonly S[], source: string, index: number): S | undefined {
  let best: S | undefined;
  for (const segment of segments) {
    if (segment.source === source && (!best || Math.abs(segment.index - index) < Math.abs(best.index - index))) {
      best = segment;
    }
  }
  return best;
}
