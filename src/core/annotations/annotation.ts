/**
 * Annotations shaped after the W3C Web Annotation model: a body (the note) and a target located by
 * two selectors — the quoted text with 32 characters of context on each side, and its position in
 * UTF-16 code units — so that a note can find its text again after the article changed.
 */
export const CONTEXT_LENGTH = 32;

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
}

export interface AnnotationBody {
  readonly note: string;
  readonly tags: readonly string[];
  readonly translation?: string;
}

export interface Annotation {
  /** A UUID. */
  readonly id: string;
  readonly created: string;
  readonly modified: string;
  readonly body: AnnotationBody;
  readonly target: {
    readonly selector: readonly [TextQuoteSelector, TextPositionSelector];
    /** The quote in Simplified characters, for study sheets and search. */
    readonly simplified?: string;
  };
}

/** A source range [start, end), UTF-16 code units. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export function quoteOf(annotation: Annotation): TextQuoteSelector {
  return annotation.target.selector[0];
}

export function positionOf(annotation: Annotation): TextPositionSelector {
  return annotation.target.selector[1];
}

/** The selectors describing `range` of `text`. */
export function selectorsFor(text: string, range: TextRange): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(range.start, range.end),
      prefix: text.slice(Math.max(0, range.start - CONTEXT_LENGTH), range.start),
      suffix: text.slice(range.end, range.end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start: range.start, end: range.end },
  ];
}

/** The annotation re-described at `range` of `text` (after edits moved or changed its text). */
export function withRange(annotation: Annotation, text: string, range: TextRange): Annotation {
  return { ...annotation, target: { ...annotation.target, selector: selectorsFor(text, range) } };
}
