import type * as vscode from 'vscode';
import type { ChineseConverter } from '../core/conversion/chineseConverter';
import type { GlossaryService } from '../glossary/glossaryService';
import { readingSettings } from '../reader/readingSettings';
import type { ArticleWord } from '../core/learning/articleWords';
import { sentenceOf, VocabularyCard } from '../core/learning/vocabularyExport';
import { segmentText, TextSpan } from '../core/translation/segmentation';
import { isUnknown, WordStatus } from '../core/learning/wordStatus';
import type { CedictDictionary } from '../core/glossary/cedictDictionary';
import type { TermMatcher } from '../core/glossary/termMatcher';
import type { ReadingService } from '../core/readings/readingService';
import type { ReadingSystem } from '../core/readings/readingSystem';
import type { LearnerService } from './learnerService';
import type { TextRange } from '../core/annotations/annotation';
import { blockTextToSourceRange } from '../core/annotations/sourceMapping';

/** A word of an article still to learn, with what a card of it shows. */
export interface VocabularyEntry {
  readonly key: string;
  readonly status: WordStatus;
  /** How often the article uses it. */
  readonly count: number;
  readonly card: VocabularyCard;
  /** Where it first occurs: its block (reflow.ts) and UTF-16 offsets in the block's text. */
  readonly first: ArticleWord & { readonly block: number };
  /** It was exported with this status already (it is not exported again until its status changes). */
  readonly exported: boolean;
  /** Where it first occurs in the document (UTF-16 offsets), when its block maps back (always, but for an extraction's doubled caption). */
  readonly range?: TextRange;
}

export interface VocabularySources {
  readonly learner: LearnerService;
  readonly readings: ReadingService;
  readonly dictionary: CedictDictionary;
  readonly matcher?: TermMatcher;
  readonly system: ReadingSystem;
  /** The word in the other script: Simplified for Traditional text, Traditional for Simplified. */
  readonly otherScript: (word: string) => string;
}

/** Characters of text each side of a word that its reading is read in. */
const CONTEXT = 32;

/**
 * The new and learning words of `document` (the `limit` most used), most used first (then by first occurrence), each with
 * its reading in context (the readings of the panel: `system`), its meaning (the glossary's English
 * renderings for a term, else CC-CEDICT's definitions of its first entry) and the sentence it is
 * first met in.
 */
export async function vocabularyOf(document: vscode.TextDocument, sources: VocabularySources, limit = Infinity): Promise<VocabularyEntry[]> {
  const { blocks, words } = await sources.learner.words(document);
  await sources.learner.statuses.ready();
  const stored = sources.learner.statuses.all();
  const byKey = new Map<string, { first: ArticleWord & { block: number }; count: number; status: WordStatus }>();
  for (const word of words) {
    const known = byKey.get(word.key);
    if (known) {
      known.count++;
      continue;
    }
    const status = sources.learner.statuses.statusOf(word.key);
    if (isUnknown(status)) {
      byKey.set(word.key, { first: word, count: 1, status });
    }
  }
  // Cut before the cards are made: reading each word in context is the costly part.
  const entries = [...byKey.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first.block - b[1].first.block || a[1].first.start - b[1].first.start).slice(0, limit);
  // Each block cut into sentences once, as the translation column cuts them.
  const sentences = new Map<number, TextSpan[]>();
  return entries.map(([key, { first, count, status }]) => {
    const text = blocks[first.block]!.text;
    let spans = sentences.get(first.block);
    if (!spans) {
      spans = segmentText(text);
      sentences.set(first.block, spans);
    }
    const { sentence, at } = sentenceOf(text, first.start, spans);
    const other = sources.otherScript(first.word);
    const card: VocabularyCard = {
      word: first.word,
      otherScript: other === first.word ? '' : other,
      reading: readingOf(text, first, sources),
      meaning: meaningOf(first.word, sources),
      sentence,
      at,
    };
    return { key, status, count, card, first, exported: stored[key]?.exported === status, range: blockTextToSourceRange(blocks[first.block]!, first) };
  });
}

/** The word's reading, read in its context (CONTEXT characters each side) as the panel reads it. */
function readingOf(text: string, word: ArticleWord, sources: VocabularySources): string {
  const from = Math.max(0, word.start - CONTEXT);
  return sources.readings.readingOf(text.slice(from, word.end + CONTEXT), word.start - from, word.end - from, sources.system, { dictionary: sources.dictionary });
}

function meaningOf(word: string, sources: VocabularySources): string {
  const term = sources.matcher?.findAll(word).find((h) => h.start === 0 && h.end === word.length);
  const english = term?.entry.english.filter((e) => e.trim().length > 0) ?? [];
  if (english.length > 0) {
    return english.join('; ');
  }
  const entry = sources.dictionary.entriesOf(word)[0];
  return entry ? entry.definitions.join('; ') : '';
}

/** What vocabularySources needs: the extension's services. */
export interface VocabularyServices {
  readonly learner: LearnerService;
  readonly glossaries: GlossaryService;
  readonly readings: ReadingService;
  readonly converter: ChineseConverter;
}

/**
 * The sources of a document's vocabulary: CC-CEDICT and the glossaries (loaded), the reading system of
 * the `readings` setting, OpenCC for the other script.
 * @throws Error when CC-CEDICT cannot be loaded
 */
export async function vocabularySources(document: vscode.TextDocument, services: VocabularyServices): Promise<VocabularySources> {
  const [dictionary, matcher] = await Promise.all([services.glossaries.dictionary(), services.glossaries.termMatcher().catch(() => undefined)]);
  return {
    learner: services.learner,
    readings: services.readings,
    dictionary,
    matcher,
    system: readingSettings(document).readings,
    otherScript: (word) => {
      const simplified = services.converter.convert(word, { from: 't', to: 'cn' });
      return simplified === word ? services.converter.convert(word, { from: 'cn', to: 't' }) : simplified;
    },
  };
}
