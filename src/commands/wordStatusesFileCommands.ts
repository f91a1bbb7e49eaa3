import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { WordStatusCodec } from '../core/learning/wordStatus';
import type { WordStatusStore } from '../learning/wordStatusStore';
import { writeFileAtomically } from '../util/atomicWrite';
import { readTextIfPresent } from '../util/files';
import type { ProblemReporter } from '../util/problemReporter';
import { uriArgument } from '../util/uris';
import { argumentRecord } from './annotationArguments';

const FILTERS = { [vscode.l10n.t('Word statuses')]: ['json'] };

/**
 * `bilingualReader.exportWordStatuses` with `{ target? }`: every word status, as a file in the
 * format of schemas/word-statuses.schema.json (to move them, or keep a copy). Asks where without a
 * target. Resolves to `{ target, words }`, or undefined after saying why not.
 */
export class ExportWordStatusesCommand {
  static readonly id = CommandId.ExportWordStatuses;

  constructor(
    private readonly statuses: WordStatusStore,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<{ target: string; words: number } | undefined> {
    const args = argumentRecord(argument);
    const target = uriArgument(args.target) ?? (await vscode.window.showSaveDialog({ title: vscode.l10n.t('Export Word Statuses'), filters: FILTERS, defaultUri: defaultFolder('word-statuses.json') }));
    if (!target) {
      return undefined;
    }
    try {
      await this.statuses.ready();
      await writeFileAtomically(target, new TextEncoder().encode(this.statuses.exportText()));
      return { target: target.toString(), words: Object.keys(this.statuses.all()).length };
    } catch (error) {
      void this.problems.error(vscode.l10n.t('The word statuses could not be exported to {0}: {1}', target.fsPath, error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }
}

/**
 * `bilingualReader.importWordStatuses` with `{ source? }`: merges a statuses file (as exported) into
 * the learner's: for each word the later status wins, so nothing newer is lost either way. A file
 * that is not a statuses file is refused with its problem and nothing changes. Resolves to
 * `{ source, words, taken }` (words in the file, and how many of them were newer), or undefined.
 */
export class ImportWordStatusesCommand {
  static readonly id = CommandId.ImportWordStatuses;
  private readonly codec = new WordStatusCodec();

  constructor(
    private readonly statuses: WordStatusStore,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<{ source: string; words: number; taken: number } | undefined> {
    const args = argumentRecord(argument);
    const source = uriArgument(args.source) ?? (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Word Statuses'), filters: FILTERS, canSelectMany: false, defaultUri: defaultFolder('') }))?.[0];
    if (!source) {
      return undefined;
    }
    try {
      const text = await readTextIfPresent(source);
      if (text === undefined) {
        throw new Error(vscode.l10n.t('there is no such file'));
      }
      const read = this.codec.read(text);
      if (!read.ok) {
        void this.problems.error(vscode.l10n.t('{0} is not a word statuses file ({1}); nothing was imported.', source.fsPath, read.problem), { file: source, line: read.line });
        return undefined;
      }
      const taken = await this.statuses.merge(read.file.words);
      void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0} of the {1} word statuses in {2}; the others were older than yours.', taken, Object.keys(read.file.words).length, source.fsPath));
      return { source: source.toString(), words: Object.keys(read.file.words).length, taken };
    } catch (error) {
      void this.problems.error(vscode.l10n.t('The word statuses could not be imported from {0}: {1}', source.fsPath, error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }
}

function defaultFolder(name: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && (name ? vscode.Uri.joinPath(folder, name) : folder);
}
