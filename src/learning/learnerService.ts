import * as vscode from 'vscode';
import { ArticleWord, articleWords, wordKey, WordSources } from '../core/learning/articleWords';
import { reflow, ReflowBlock } from '../core/reader/reflow';
import { ReadingLevel, readingLevel } from '../core/learning/readingLevel';
import { WordFrequencies } from '../core/learning/wordFrequency';
import type { GlossaryService } from '../glossary/glossaryService';
import { Disposable } from '../util/dispose';
import type { WordStatusStore } from './wordStatusStore';

/** A document's words as the reader shows it: block by block (reflow.ts), offsets in each block's text. */
export interface DocumentWords {
  /** The blocks (reflow.ts): their text as the panel shows it (an extraction's line breaks joined), and where it is in the document. */
  readonly blocks: readonly ReflowBlock[];
  readonly words: readonly (ArticleWord & { readonly block: number })[];
}

/** The word frequency list the build writes (scripts/buildWordFrequency.js). */
const FREQUENCY_FILE = ['dist', 'word-frequency.txt'];

/**
 * A learner's view of documents: their words (articleWords.ts: glossary terms, then CC-CEDICT's
 * words), keyed so that one status covers a word in every script, and their reading level against
 * the statuses (WordStatusStore) and jieba's word frequencies. A document's words are kept per
 * version until the glossaries change; released when it closes.
 */
export class LearnerService extends Disposable {
  private frequencyLoad: Promise<WordFrequencies> | undefined;
  private readonly cache = new Map<string, { version: number; stamp: number; words: Promise<DocumentWords> }>();
  private stamp = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly glossaries: GlossaryService,
    readonly statuses: WordStatusStore,
    /** OpenCC to Simplified, Hong Kong variants included (衞 as well as 衛 is 卫): what keys a word. */
    private readonly toSimplified: (text: string) => string,
  ) {
    super();
    this.register(glossaries.onDidChange(() => this.stamp++));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())));
  }

  /**
   * The words of `document` as it is now, block by block as the reader panel shows them (so that a
   * word the panel marks is the word counted, marked known, exported).
   * @throws Error when CC-CEDICT cannot be loaded
   */
  words(document: vscode.TextDocument): Promise<DocumentWords> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.stamp === this.stamp) {
      return cached.words;
    }
    const words = this.blockWords(document.getText());
    this.cache.set(key, { version: document.version, stamp: this.stamp, words });
    words.catch(() => this.cache.get(key)?.words === words && this.cache.delete(key));
    return words;
  }

  /**
   * What words are found with, the same for the panel's marks, the reading level, the exports: CC-CEDICT
   * and the glossaries, loaded, and the conversion to Simplified that keys them.
   * @throws Error when CC-CEDICT cannot be loaded
   */
  async wordSources(): Promise<WordSources> {
    const [dictionary, matcher] = await Promise.all([this.glossaries.dictionary(), this.glossaries.termMatcher().catch(() => undefined)]);
    return { dictionary, matcher, toSimplified: this.toSimplified };
  }

  private async blockWords(text: string): Promise<DocumentWords> {
    const sources = await this.wordSources();
    const blocks = reflow(text);
    const words = blocks.flatMap((b, block) => articleWords(b.text, sources).map((w) => ({ ...w, block })));
    return { blocks, words };
  }

  /** The key a word's status is kept under (its glossary term's, or its Simplified form). */
  async keyOf(word: string): Promise<string> {
    const matcher = await this.glossaries.termMatcher().catch(() => undefined);
    return wordKey(word, { matcher, toSimplified: this.toSimplified });
  }

  /** The reading level of `document` for this learner. @throws Error when CC-CEDICT cannot be loaded */
  async level(document: vscode.TextDocument): Promise<ReadingLevel> {
    const [{ words }, frequencies] = await Promise.all([this.words(document), this.frequencies(), this.statuses.ready()]);
    return readingLevel(words, (key) => this.statuses.statusOf(key), (key) => frequencies.band(key));
  }

  /** jieba's word frequencies, read on first use; an empty list (every word "unlisted") if the file cannot be read. */
  frequencies(): Promise<WordFrequencies> {
    this.frequencyLoad ??= Promise.resolve(
      vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, ...FREQUENCY_FILE)).then(
        (bytes) => WordFrequencies.parse(new TextDecoder().decode(bytes)),
        () => WordFrequencies.parse(''),
      ),
    );
    return this.frequencyLoad;
  }
}
