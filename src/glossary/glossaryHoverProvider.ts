import * as vscode from 'vscode';
import { ConverterCache } from '../core/conversion/converterCache';
import { ScriptDetector, ScriptKind } from '../core/detection/scriptDetector';
import { cardForEntry, GlossaryCard } from '../core/glossary/glossaryCard';
import { lookUpWord } from '../core/glossary/dictionaryLookup';
import { termAtOffset } from '../core/glossary/documentTerms';
import { termReading } from '../core/readings/columnReadings';
import { joinReadings, type ReadingService } from '../core/readings/readingService';
import type { ReadingSystem } from '../core/readings/readingSystem';
import { readingSettings, readingSystemLabel } from '../reader/readingSettings';
import { Disposable } from '../util/dispose';
import { GlossaryService } from './glossaryService';

/** Dictionary cards shown in full; the others are listed on one line (pinyin and first meaning). */
export const FULL_DICTIONARY_CARDS = 4;

/**
 * Explains the term under the pointer: glossary terms first (a term broken across lines hovers as
 * one, from either half), then any other word from CC-CEDICT — the longest dictionary word starting
 * at the pointer, its readings ranked for the document's script.
 */
export class GlossaryHoverProvider extends Disposable implements vscode.HoverProvider {
  private registration: vscode.Disposable | undefined;
  private readonly scripts = new WeakMap<vscode.TextDocument, { version: number; kind: ScriptKind }>();

  /**
   * @param readings reads the hovered word in its line, so the card leads with the entry the ruby
   *   shows and gives the reading in the configured system (Jyutping, Zhuyin) beside the dictionary's pinyin.
   * @param detector tells the document's script; pass the extension's own, whose OpenCC tables are
   *   shared (the default builds its own tables on the first dictionary hover).
   */
  constructor(
    private readonly glossaries: GlossaryService,
    private readonly readings?: ReadingService,
    private readonly detector: ScriptDetector = new ScriptDetector(new ConverterCache()),
  ) {
    super();
    this.registerForLanguages();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bilingualReader.glossary.languages')) {
          this.registerForLanguages();
        }
      }),
    );
    this.register({ dispose: () => this.registration?.dispose() });
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const hits = await this.glossaries.termsIn(document);
    const hit = termAtOffset(hits, document.offsetAt(position));
    const system = readingSettings(document).readings;
    if (hit) {
      // Pinyin is the glossary's own, on the card; another system is read as the reader's card reads the term.
      let reading: string | undefined;
      if (system !== 'pinyin' && this.readings) {
        const dictionary = await this.glossaries.dictionary().catch(() => undefined);
        reading = joinReadings(termReading(this.readings, hit.text.replace(/\s+/g, ''), hit.entry.pinyin, system, dictionary));
      }
      return new vscode.Hover(
        cardMarkdown([cardForEntry(hit.entry, hit.text)], Infinity, reading ? { system, text: reading } : undefined),
        new vscode.Range(document.positionAt(hit.start), document.positionAt(hit.end)),
      );
    }
    const line = document.lineAt(position.line).text;
    if (!/\p{Script=Han}/u.test(String.fromCodePoint(line.codePointAt(position.character) ?? 0x20))) {
      return undefined;
    }
    const dictionary = await this.glossaries.dictionary();
    if (token.isCancellationRequested) {
      return undefined;
    }
    const found = lookUpWord(line, position.character, { dictionary, script: this.scriptOf(document), service: this.readings, system });
    if (!found) {
      return undefined;
    }
    const range = new vscode.Range(position.line, found.start, position.line, found.end);
    const reading = system === 'pinyin' || found.reading.length === 0 ? undefined : { system, text: joinReadings(found.reading) };
    return new vscode.Hover(cardMarkdown(found.cards, FULL_DICTIONARY_CARDS, reading), range);
  }

  /** The document's script, detected once per version. */
  private scriptOf(document: vscode.TextDocument): ScriptKind {
    const cached = this.scripts.get(document);
    if (cached?.version === document.version) {
      return cached.kind;
    }
    const kind = this.detector.detect(document.getText()).kind;
    this.scripts.set(document, { version: document.version, kind });
    return kind;
  }

  private registerForLanguages(): void {
    this.registration?.dispose();
    const languages = vscode.workspace.getConfiguration('bilingualReader').get<string[]>('glossary.languages', ['plaintext', 'markdown']);
    this.registration = vscode.languages.registerHoverProvider(
      languages.map((language) => ({ language })),
      this,
    );
  }
}

/**
 * Cards as Markdown, separated by rules, after the hovered text's `reading` in a system other than
 * pinyin (the entries carry the dictionary's pinyin): the first `full` in full (a pointer-only dictionary entry
 * followed by "→ X pinyin: meanings" for each reading of the word it names), the rest on one
 * "+N more" line, each with its pinyin and first meaning. Every piece of glossary text goes in
 * through appendText, escaped; no HTML, no command links.
 */
export function cardMarkdown(cards: readonly GlossaryCard[], full = Infinity, reading?: { system: ReadingSystem; text: string }): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  if (reading) {
    markdown.appendMarkdown('*');
    markdown.appendText(`${readingSystemLabel(reading.system)}: ${reading.text}`);
    markdown.appendMarkdown('*\n\n');
  }
  cards.slice(0, full).forEach((card, i) => {
    if (i > 0) {
      markdown.appendMarkdown('\n\n---\n\n');
    }
    markdown.appendMarkdown('**');
    markdown.appendText(card.term);
    markdown.appendMarkdown('**');
    if (card.otherForms.length > 0) {
      markdown.appendText(` · ${card.otherForms.join(' · ')}`);
    }
    if (card.pinyin) {
      markdown.appendMarkdown(' · *');
      markdown.appendText(card.pinyin);
      markdown.appendMarkdown('*');
    }
    markdown.appendMarkdown('\n\n');
    markdown.appendText(card.english.join('; '));
    for (const reading of card.resolved ?? []) {
      markdown.appendMarkdown('\n\n→ **');
      markdown.appendText(reading.term);
      markdown.appendMarkdown('** *');
      markdown.appendText(reading.pinyin);
      markdown.appendMarkdown('*: ');
      markdown.appendText(reading.english.join('; '));
    }
    if (card.note) {
      markdown.appendMarkdown('\n\n');
      markdown.appendText(card.note);
    }
    markdown.appendMarkdown('\n\n_');
    markdown.appendText(card.domain ? `${card.source} · ${card.domain}` : card.source);
    markdown.appendMarkdown('_');
  });
  const rest = cards.slice(full);
  if (rest.length > 0) {
    markdown.appendMarkdown('\n\n---\n\n**');
    markdown.appendText(vscode.l10n.t('+{0} more:', rest.length));
    markdown.appendMarkdown('** ');
    rest.forEach((card, i) => {
      markdown.appendMarkdown(i > 0 ? ' · *' : '*');
      markdown.appendText(card.pinyin ?? card.term);
      markdown.appendMarkdown('* ');
      markdown.appendText(card.english[0] ?? '');
    });
  }
  // No HTML: glossary text comes from workspace files, which may be untrusted.
  return markdown;
}
