import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { ChineseConverter } from '../core/conversion/chineseConverter';
import { readerDirection, sourceVariant } from '../conversion/configuredDirections';
import { addEntryToJsonGlossary } from '../core/glossary/glossaryEditing';
import { glossaryWordsIn } from '../core/readings/columnReadings';
import type { ReadingService } from '../core/readings/readingService';
import { GlossaryService } from '../glossary/glossaryService';
import { WriteQueue } from '../core/files/atomicWrite';
import { writeFileAtomically } from '../util/atomicWrite';
import type { ProblemReporter } from '../util/problemReporter';
import { readTextIfPresent } from '../util/files';

interface AddArguments {
  readonly term?: unknown;
  readonly english?: unknown;
  readonly note?: unknown;
}

/**
 * `bilingualReader.addToGlossary`: the selected term (or `{ term, english, note }`) into the
 * workspace glossary `.bilingual-reader/glossary.json`, with both scripts and pinyin filled in.
 */
export class AddToGlossaryCommand {
  static readonly id = CommandId.AddToGlossary;
  private readonly queue = new WriteQueue();

  constructor(
    private readonly glossaries: GlossaryService,
    private readonly converter: ChineseConverter,
    private readonly readings: ReadingService,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<vscode.Uri | undefined> {
    const args: AddArguments = typeof argument === 'object' && argument !== null && !(argument instanceof vscode.Uri) ? argument : {};
    const editor = vscode.window.activeTextEditor;
    const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : undefined;
    const term = typeof args.term === 'string' && args.term.trim() ? args.term.trim() : selected;
    if (!term || term.includes('\n')) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select a term on one line to add it to the glossary.'));
      return undefined;
    }
    const target = this.glossaries.workspaceGlossaryUri();
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the glossary is saved in the workspace.'));
      return undefined;
    }
    const english =
      typeof args.english === 'string'
        ? args.english
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Add "{0}" to the glossary', term),
            prompt: vscode.l10n.t('English rendering (separate alternatives with ;)'),
            validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('An English rendering is needed.')),
          });
    if (!english?.trim()) {
      return undefined;
    }
    const note = typeof args.note === 'string' ? args.note : typeof args.english === 'string' ? undefined : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Note for translators (optional)') });
    // Both scripts follow the user's Traditional variants (source and reader settings), not always Hong Kong's.
    const scope = editor?.document;
    const simplified = this.converter.convert(term, { from: sourceVariant(scope), to: 'cn' });
    const traditional = simplified === term ? this.converter.convert(term, readerDirection(true, scope)) : term;

    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (open?.isDirty) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Save {0} first: it has unsaved changes.', vscode.workspace.asRelativePath(target)));
      return undefined;
    }
    // Read, change and write one at a time, so that two quick additions do not lose one.
    const pinyin = await this.pinyinOf(traditional, simplified);
    return this.queue.run(target.toString(), () => this.write(target, term, traditional, simplified, pinyin, english, note));
  }

  /** Always pinyin, whatever the reader shows: glossaries store pinyin. Read with the known words, as the reader reads it. */
  private async pinyinOf(traditional: string, simplified: string): Promise<string> {
    const matcher = await this.glossaries.termMatcher();
    const dictionary = await this.glossaries.dictionary().catch(() => undefined);
    // The Traditional form is read, its Simplified form beside it: a lone 幹 or 乾 keeps its own reading.
    const text = traditional.length === simplified.length ? traditional : simplified;
    return this.readings.readingOf(text, 0, text.length, 'pinyin', { simplified, glossaryWords: glossaryWordsIn(matcher, text), dictionary });
  }

  private async write(
    target: vscode.Uri,
    term: string,
    traditional: string,
    simplified: string,
    pinyin: string,
    english: string,
    note: string | undefined,
  ): Promise<vscode.Uri | undefined> {
    let existing: string | undefined;
    try {
      // Only a missing file starts a new glossary: any other failure must not replace the one there.
      existing = await readTextIfPresent(target);
    } catch (error) {
      void this.problems.error(vscode.l10n.t('{0} was not changed: {1}.', vscode.workspace.asRelativePath(target), String(error instanceof Error ? error.message : error)), { file: target });
      return undefined;
    }
    const result = addEntryToJsonGlossary(existing, {
      term,
      traditional,
      simplified,
      pinyin,
      english: english.split(';').map((e) => e.trim()).filter(Boolean),
      note: note?.trim() || undefined,
    });
    if (!result.ok) {
      void this.problems.error(vscode.l10n.t('{0} was not changed: {1}.', vscode.workspace.asRelativePath(target), result.reason), { file: target });
      return undefined;
    }
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await writeFileAtomically(target, new TextEncoder().encode(result.text));
    this.glossaries.invalidate();
    vscode.window.setStatusBarMessage(vscode.l10n.t('Added "{0}" to {1}.', term, vscode.workspace.asRelativePath(target)), 4000);
    return target;
  }
}
