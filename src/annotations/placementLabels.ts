import * as vscode from 'vscode';
import { quoteOf } from '../core/annotations/annotation';
import type { PlacedAnnotation } from '../core/annotations/annotationSet';

/** A short word for how the note is placed, for descriptions: "orphan", "review", or nothing when sure. */
export function placementBadge(placed: PlacedAnnotation): string {
  return placed.placement.method === 'orphan' ? vscode.l10n.t('orphan') : placed.placement.review ? vscode.l10n.t('review') : '';
}

/** How the note was last placed, in a sentence, for hovers and tooltips. */
export function placementSentence(placed: PlacedAnnotation): string {
  switch (placed.placement.method) {
    case 'orphan':
      return vscode.l10n.t('Orphan: "{0}" could not be placed with confidence (its text or its context changed, or it fits more than one place). Select the text it belongs to and re-attach it.', quoteOf(placed.annotation).exact);
    case 'fuzzy':
      return placed.placement.review
        ? vscode.l10n.t('Placed by an approximate match after the article changed; it was written on "{0}". Confirm the placement or re-attach the note.', quoteOf(placed.annotation).exact)
        : vscode.l10n.t('Placed by an approximate match, confirmed.');
    case 'quote':
      return vscode.l10n.t('Found again by its text and context after the article changed.');
    default:
      return '';
  }
}
