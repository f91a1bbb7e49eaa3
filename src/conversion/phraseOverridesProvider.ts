import * as vscode from 'vscode';
import type { ChineseConverter } from '../core/conversion/chineseConverter';
import { directionMappings, withDirectionMappings } from '../core/conversion/directionRules';
import { Direction, directionKey } from '../core/conversion/locales';
import type { GlossaryEntry } from '../core/glossary/glossaryEntry';
import { PhraseOverrides } from '../core/conversion/phraseOverrides';
import type { GlossaryService } from '../glossary/glossaryService';
import { PhrasesFileReader, PhrasesFileProblem } from '../core/conversion/phrasesFile';
import { Disposable } from '../util/dispose';
import type { ProblemReporter } from '../util/problemReporter';
import { readTextIfPresent } from '../util/files';

export const PHRASES_FILE = '.bilingual-reader/phrases.json';
/** How long a changed file must stay still before it is read again. */
const SETTLE_MS = 150;

type FolderSpec = { protectedPhrases: readonly string[]; mappings: Readonly<Record<string, string>> };

/**
 * The phrase overrides that apply to a document: the `bilingualReader.protectedPhrases` setting
 * plus its workspace folder's `.bilingual-reader/phrases.json`, over the conversion direction's own
 * mappings. Files are read once and re-read
 * when they change; a broken file is reported (file, line, problem) and ignored, never rewritten.
 */
export class PhraseOverridesProvider extends Disposable {
  private readonly folderSpecs = new Map<string, Promise<FolderSpec>>();
  private readonly mappingCache = new WeakMap<readonly GlossaryEntry[], Map<string, Readonly<Record<string, string>>>>();
  private readonly reader = new PhrasesFileReader();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when a phrases file or the protectedPhrases setting changes. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly glossaries: GlossaryService,
    private readonly converter: ChineseConverter,
    private readonly problems: ProblemReporter,
  ) {
    super();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${PHRASES_FILE}`));
    // Events come while a file is still being written (create, then change): re-read once it settles.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const forget = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.folderSpecs.clear();
        this.changed.fire();
      }, SETTLE_MS);
    };
    this.register({ dispose: () => clearTimeout(timer) });
    this.register(watcher.onDidChange(forget));
    this.register(watcher.onDidCreate(forget));
    this.register(watcher.onDidDelete(forget));
    // A folder created with the file already in it (git checkout, a test writing both at once) can
    // reach the file watcher as the folder's creation alone: re-read then too.
    const folderWatcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${PHRASES_FILE.split('/')[0]}`, false, true, false));
    this.register(folderWatcher.onDidCreate(forget));
    this.register(folderWatcher.onDidDelete(forget));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bilingualReader.protectedPhrases')) {
          this.changed.fire();
        }
      }),
    );
  }

  /**
   * The overrides for converting `document` in `direction`: the user's phrases, and under them the
   * direction's own mappings (the glossary's script forms, Hong Kong 著; see directionRules.ts).
   */
  async forDocument(document: vscode.TextDocument, direction: Direction): Promise<PhraseOverrides> {
    const setting = vscode.workspace
      .getConfiguration('bilingualReader', document)
      .get<unknown[]>('protectedPhrases', [])
      .filter((p): p is string => typeof p === 'string' && p.length > 0);
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const fromFile = folder ? await this.folderSpec(folder) : { protectedPhrases: [], mappings: {} };
    const user = { protectedPhrases: [...setting, ...fromFile.protectedPhrases], mappings: fromFile.mappings };
    return new PhraseOverrides(withDirectionMappings(user, await this.directionMappings(direction)));
  }

  /** The direction's mappings, worked out once per set of glossary entries (they change only when a glossary does). */
  private async directionMappings(direction: Direction): Promise<Readonly<Record<string, string>>> {
    const entries = await this.glossaries.entries();
    let byDirection = this.mappingCache.get(entries);
    if (!byDirection) {
      byDirection = new Map();
      this.mappingCache.set(entries, byDirection);
    }
    const key = directionKey(direction);
    let mappings = byDirection.get(key);
    if (!mappings) {
      mappings = directionMappings(direction, entries, this.converter.converterFor(direction));
      byDirection.set(key, mappings);
    }
    return mappings;
  }

  private folderSpec(folder: vscode.WorkspaceFolder): Promise<FolderSpec> {
    const key = folder.uri.toString();
    let spec = this.folderSpecs.get(key);
    if (!spec) {
      spec = this.readFolderSpec(vscode.Uri.joinPath(folder.uri, PHRASES_FILE));
      this.folderSpecs.set(key, spec);
    }
    return spec;
  }

  private async readFolderSpec(uri: vscode.Uri): Promise<FolderSpec> {
    const empty: FolderSpec = { protectedPhrases: [], mappings: {} };
    let text: string | undefined;
    try {
      text = await readTextIfPresent(uri);
    } catch (error) {
      this.report(uri, [{ line: 1, column: 1, message: String(error) }]);
      return empty;
    }
    if (text === undefined) {
      return empty;
    }
    const result = this.reader.read(text);
    if (!result.ok) {
      this.report(uri, result.problems);
      return empty;
    }
    return {
      protectedPhrases: result.spec.protectedPhrases ?? [],
      mappings: result.spec.mappings ?? {},
    };
  }

  private report(uri: vscode.Uri, problems: readonly PhrasesFileProblem[]): void {
    const first = problems[0];
    const where = first ? `${vscode.workspace.asRelativePath(uri)}:${first.line}:${first.column}` : uri.toString();
    void this.problems.error(
      vscode.l10n.t('{0}: {1}. Conversions ignore this phrases file until it is fixed; the file was not changed.', where, first?.message ?? vscode.l10n.t('unreadable')),
      { file: uri, line: first?.line, column: first?.column },
    );
  }
}
