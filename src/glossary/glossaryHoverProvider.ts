import * as vscode from 'vscode';
import { cardForEntry, cardsForDictionary, GlossaryCard } from '../core/glossary/glossaryCard';
import { termAtOffset } from '../core/glossary/documentTerms';
import { Disposable } from '../util/dispose';
import { GlossaryService } from './glossaryService';

/**
 * Explains the term under the pointer: glossary terms first (a term broken across lines hovers as
 * one, from either half), then any other word from CC-CEDICT.
 */
export class GlossaryHoverProvider extends Disposable implements vscode.HoverProvider {
  private registration: vscode.Disposable | undefined;

  constructor(private readonly glossaries: GlossaryService) {
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
    if (hit) {
      return new vscode.Hover(cardMarkdown([cardForEntry(hit.entry, hit.text)]), new vscode.Range(document.positionAt(hit.start), document.positionAt(hit.end)));
    }
    const line = document.lineAt(position.line).text;
    if (!/\p{Script=Han}/u.test(line[position.character] ?? '')) {
      return undefined;
    }
    const dictionary = await this.glossaries.dictionary();
    if (token.isCancellationRequested) {
      return undefined;
    }
    const found = dictionary.lookup(line, position.character);
    if (!found) {
      return undefined;
    }
    const range = new vscode.Range(position.line, position.character, position.line, position.character + found.word.length);
    return new vscode.Hover(cardMarkdown(cardsForDictionary(found.word, found.entries)), range);
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

/** The card as Markdown; every piece of glossary text goes in through appendText, escaped. */
export function cardMarkdown(cards: readonly GlossaryCard[]): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  cards.forEach((card, i) => {
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
    if (card.note) {
      markdown.appendMarkdown('\n\n');
      markdown.appendText(card.note);
    }
    markdown.appendMarkdown('\n\n_');
    markdown.appendText(card.domain ? `${card.source} · ${card.domain}` : card.source);
    markdown.appendMarkdown('_');
  });
  // No HTML: glossary text comes from workspace files, which may be untrusted.
  return markdown;
}
