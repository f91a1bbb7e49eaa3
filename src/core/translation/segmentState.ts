/**
 * A segment's status, in XLIFF 2.0's words where it has them: `initial` (not started), `translated`,
 * `reviewed`; `draft` is XLIFF's `initial` with a translation begun (exported with a subState).
 * A module of its own: the reader's webview needs it without the rest of the translation code.
 */
export type SegmentState = 'initial' | 'draft' | 'translated' | 'reviewed';
export const SEGMENT_STATES: readonly SegmentState[] = ['initial', 'draft', 'translated', 'reviewed'];
