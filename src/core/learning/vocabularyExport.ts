import { loadCsvStringify } from '../lazyModules';
import type { TextSpan } from '../translation/segmentation';

/** A word to study, as the vocabulary export writes it. */
export interface VocabularyCard {
  /** The word as the article writes it. */
  readonly word: string;
  /** The word in the other script (Simplified for a Traditional article, and the reverse); empty when the same. */
  readonly otherScript: string;
  /** Its reading in context, syllables separated by spaces, tones marked as the romanisation writes them. */
  readonly reading: string;
  readonly meaning: string;
  /** The sentence it was first met in, and where in it the word is (UTF-16 offsets). */
  readonly sentence: string;
  readonly at: number;
}

/** The sentence with the word as a cloze deletion, in Anki's syntax: 我們{{c1::學習}}中文。 */
export function cloze(card: VocabularyCard): string {
  // Braces of the text itself would be read as cloze syntax: shown as full-width ones.
  const safe = (text: string) => text.replace(/\{/g, '｛').replace(/\}/g, '｝');
  return `${safe(card.sentence.slice(0, card.at))}{{c1::${safe(card.word)}}}${safe(card.sentence.slice(card.at + card.word.length))}`;
}

/** A tag Anki accepts (no spaces): the article's file name with its spaces as underscores. */
export function ankiTag(name: string): string {
  return name.trim().replace(/\s+/g, '_') || 'bilingual-reader';
}

/**
 * The cards as a CSV file for Anki's import (File › Import, Anki 2.1.55 or later), with the file
 * headers Anki reads (`#separator`, `#html`, `#tags column`), so that nothing needs setting by hand:
 * columns word, other script, reading, meaning, sentence with the word as a cloze, tags (`tag`).
 * Written with csv-stringify (RFC 4180 quoting).
 */
export function toAnkiCsv(cards: readonly VocabularyCard[], tag: string): string {
  const header = '#separator:Comma\n#html:false\n#columns:Word,Other script,Reading,Meaning,Sentence,Tags\n#tags column:6\n';
  return header + loadCsvStringify().stringify(cards.map((c) => [c.word, c.otherScript, c.reading, c.meaning, cloze(c), ankiTag(tag)]));
}

/** The cards as plain tab-separated text: word, other script, reading, meaning, sentence (tabs and line breaks in fields as spaces). */
export function toVocabularyTsv(cards: readonly VocabularyCard[]): string {
  const field = (text: string) => text.replace(/[\t\r\n]+/g, ' ');
  return cards.map((c) => [c.word, c.otherScript, c.reading, c.meaning, c.sentence].map(field).join('\t')).join('\n') + (cards.length > 0 ? '\n' : '');
}

/**
 * The sentence of a block's text holding offset `start` — one of `sentences`, the block's sentences
 * as the translation column cuts them (segmentText, segmentation.ts) — and where `start` is in it.
 * A word between sentences (in spaces left out of them) gets the whole block.
 */
export function sentenceOf(text: string, start: number, sentences: readonly TextSpan[]): { sentence: string; at: number } {
  const span = sentences.find((s) => s.start <= start && start < s.end) ?? { start: 0, end: text.length };
  return { sentence: text.slice(span.start, span.end), at: start - span.start };
}
