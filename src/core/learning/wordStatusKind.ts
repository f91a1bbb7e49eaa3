/**
 * A learner's status of a word, as reading apps (LingQ) keep it: `new` (never marked), `learning1`–
 * `learning4` (from just seen to almost known), `known`, `ignored` (names, numbers, words not worth
 * learning). A module of its own: the reader's webview needs it without the file format.
 */
export type WordStatus = 'new' | 'learning1' | 'learning2' | 'learning3' | 'learning4' | 'known' | 'ignored';
export const WORD_STATUSES: readonly WordStatus[] = ['new', 'learning1', 'learning2', 'learning3', 'learning4', 'known', 'ignored'];

export const isWordStatus = (value: unknown): value is WordStatus => (WORD_STATUSES as readonly unknown[]).includes(value);
/** Whether a word of this status is one the reader does not know yet (marked in the panel, read with ruby, exported). */
export const isUnknown = (status: WordStatus): boolean => status !== 'known' && status !== 'ignored';
