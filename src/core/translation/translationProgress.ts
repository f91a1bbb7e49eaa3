import type { AlignedSegment } from './segmentTranslations';

/**
 * How far the translation of an article is, as a CAT tool's word count gives it: segments by status,
 * and source characters (Unicode code points that are neither white space nor punctuation, so that a
 * Chinese character counts one, as CAT tools count Chinese; Latin text counts its letters and digits)
 * in segments done.
 */
export interface TranslationProgress {
  readonly segments: number;
  /** Segments translated or reviewed, on their source as it is now (not "source changed"). */
  readonly done: number;
  /** Segments with a draft, or done on a source that has changed since: begun, not done. */
  readonly begun: number;
  readonly characters: number;
  readonly doneCharacters: number;
}

const COUNTED = /[^\s\p{P}]/gu;

/** The characters CAT-style counts give `text`: code points that are neither white space nor punctuation. */
export function countedCharacters(text: string): number {
  return text.match(COUNTED)?.length ?? 0;
}

/** The progress of `segments` (an alignment's, in article order). */
export function translationProgress(segments: readonly AlignedSegment[]): TranslationProgress {
  let done = 0;
  let begun = 0;
  let characters = 0;
  let doneCharacters = 0;
  for (const segment of segments) {
    const count = countedCharacters(segment.source);
    characters += count;
    const state = segment.translation?.state;
    if ((state === 'translated' || state === 'reviewed') && !segment.sourceChanged) {
      done++;
      doneCharacters += count;
    } else if (state === 'draft' || state === 'translated' || state === 'reviewed') {
      begun++;
    }
  }
  return { segments: segments.length, done, begun, characters, doneCharacters };
}
