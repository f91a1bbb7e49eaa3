import * as vscode from 'vscode';
import { CedictDictionary } from '../core/glossary/cedictDictionary';
import { DocumentTermHit, findDocumentTerms } from '../core/glossary/documentTerms';
import type { GlossaryEntry, GlossaryOrigin } from '../core/glossary/glossaryEntry';
import { GlossaryProblem, GlossaryReader, glossaryFormat, MAX_GLOSSARY_FILE_BYTES, tooLarge } from '../core/glossary/glossaryFiles';
import { DictionaryWordBoundaries } from '../core/glossary/dictionaryWordBoundaries';
import { TermMatcher } from '../core/glossary/termMatcher';
import { Disposable } from '../util/dispose';
import type { ProblemReporter } from '../util/problemReporter';
import { uriBasename } from '../util/uris';
import { builtinEntries } from '../core/glossary/builtinGlossary';
import { isFileNotFound } from '../util/files';

/** Workspace glossaries found without any setting. */
export const WORKSPACE_GLOSSARIES = ['.bilingual-reader/glossary.json', '.bilingual-reader/glossary.tsv', '.bilingual-reader/glossary.tbx'];

interface GlossarySourceFile {
  readonly uri: vscode.Uri;
  readonly origin: GlossaryOrigin;
}

/**
 * All glossaries of the window: workspace files, the user's files (`bilingualReader.glossaries`),
 * the built-in glossary and, for everything else, CC-CEDICT. Files are read when first needed and
 * again when they change; a broken file is reported (file, line, problem) and skipped, the others
 * keep working. Term hits are cached per document version.
 */
export class GlossaryService extends Disposable {
  private matcher: Promise<TermMatcher> | undefined;
  private entryList: Promise<GlossaryEntry[]> | undefined;
  private dictionaryLoad: Promise<CedictDictionary> | undefined;
  private readonly reader = new GlossaryReader();
  private readonly hitCache = new Map<string, { version: number; matcher: TermMatcher; hits: DocumentTermHit[] }>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  private watchers: vscode.Disposable[] = [];
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  /** Fires when a glossary file or the glossary settings change. */
  readonly onDidChange = this.changed.event;

  private loadedDictionary: CedictDictionary | undefined;
  /** CC-CEDICT's words choose between overlapping terms (對華為 → 華為); asking starts loading it. */
  private readonly boundaries: DictionaryWordBoundaries;

  /** @param toSimplified converts text to Simplified Chinese, for reading words in any variant characters */
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly problems: ProblemReporter,
    toSimplified?: (text: string) => string,
  ) {
    super();
    this.boundaries = new DictionaryWordBoundaries(() => {
      // Asked for on every overlap: start the load once, and answer from it once it is done.
      if (!this.loadedDictionary && !this.dictionaryLoad) {
        this.dictionary().catch(() => undefined);
      }
      return this.loadedDictionary;
    }, toSimplified);
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bilingualReader.glossaries')) {
          this.invalidate();
        }
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.hitCache.delete(d.uri.toString())));
    this.register({ dispose: () => this.watchers.forEach((w) => w.dispose()) });
    this.register({ dispose: () => clearTimeout(this.settleTimer) });
  }

  /** The matcher over every glossary's terms, built on first use. */
  termMatcher(): Promise<TermMatcher> {
    this.matcher ??= this.entries().then((entries) => new TermMatcher(entries, this.boundaries));
    return this.matcher;
  }

  /** Every glossary entry in precedence order: workspace files, the user's files, then the built-in glossary. */
  entries(): Promise<readonly GlossaryEntry[]> {
    this.entryList ??= this.readEntries();
    return this.entryList;
  }

  /** Every glossary term in a document, in source order. */
  async termsIn(document: vscode.TextDocument): Promise<readonly DocumentTermHit[]> {
    const matcher = await this.termMatcher();
    const key = document.uri.toString();
    const cached = this.hitCache.get(key);
    if (cached && cached.version === document.version && cached.matcher === matcher) {
      return cached.hits;
    }
    const hits = findDocumentTerms(document.getText(), matcher);
    this.hitCache.set(key, { version: document.version, matcher, hits });
    return hits;
  }

  /** CC-CEDICT, read from the extension's dist/ on first use. Rejects when the file cannot be read. */
  dictionary(): Promise<CedictDictionary> {
    this.dictionaryLoad ??= (async () => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'cedict.tsv'));
      // Kept for the term matcher's synchronous questions about word boundaries, whoever loaded it.
      this.loadedDictionary = CedictDictionary.parse(new TextDecoder().decode(bytes));
      return this.loadedDictionary;
    })();
    // A failed load is tried again next time rather than remembered.
    this.dictionaryLoad.catch(() => (this.dictionaryLoad = undefined));
    return this.dictionaryLoad;
  }

  /** The workspace glossary that addToGlossary writes: the first folder's `.bilingual-reader/glossary.json`. */
  workspaceGlossaryUri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder && vscode.Uri.joinPath(folder.uri, WORKSPACE_GLOSSARIES[0]!);
  }

  invalidate(): void {
    this.matcher = undefined;
    this.entryList = undefined;
    this.hitCache.clear();
    this.changed.fire();
  }

  private async readEntries(): Promise<GlossaryEntry[]> {
    const entries: GlossaryEntry[] = [];
    const files = this.sourceFiles();
    this.watch(files);
    // Appended one by one: spreading a file of a million entries onto the stack overflows it.
    for (const file of files) {
      for (const entry of await this.readFile(file)) {
        entries.push(entry);
      }
    }
    for (const entry of builtinEntries(vscode.l10n.t('Built-in glossary'))) {
      entries.push(entry);
    }
    return entries;
  }

  private sourceFiles(): GlossarySourceFile[] {
    const files: GlossarySourceFile[] = [];
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const folder of folders) {
      for (const path of WORKSPACE_GLOSSARIES) {
        files.push({ uri: vscode.Uri.joinPath(folder.uri, path), origin: 'workspace' });
      }
    }
    const inspected = vscode.workspace.getConfiguration('bilingualReader').inspect<string[]>('glossaries');
    const add = (paths: unknown, origin: GlossaryOrigin) => {
      for (const path of Array.isArray(paths) ? paths : []) {
        if (typeof path !== 'string' || path.trim() === '') {
          continue;
        }
        for (const uri of resolvePath(path.trim(), folders)) {
          files.push({ uri, origin });
        }
      }
    };
    add(inspected?.workspaceFolderValue, 'workspace');
    add(inspected?.workspaceValue, 'workspace');
    add(inspected?.globalValue, 'user');
    return files;
  }

  private async readFile(file: GlossarySourceFile): Promise<readonly GlossaryEntry[]> {
    const format = glossaryFormat(file.uri.path);
    let bytes: Uint8Array;
    try {
      // Refused before reading: a 100 MB file would block the extension host while it is parsed.
      const { size } = await vscode.workspace.fs.stat(file.uri);
      if (size > MAX_GLOSSARY_FILE_BYTES) {
        this.report(file.uri, [{ line: 0, message: tooLarge(size) }]);
        return [];
      }
      bytes = await vscode.workspace.fs.readFile(file.uri);
    } catch (error) {
      if (!isFileNotFound(error) || file.origin !== 'workspace' || !isDefaultWorkspaceFile(file.uri)) {
        this.report(file.uri, [{ line: 0, message: String(error instanceof Error ? error.message : error) }]);
      }
      return [];
    }
    if (!format) {
      this.report(file.uri, [{ line: 0, message: vscode.l10n.t('unknown glossary format (use .json, .tsv or .tbx)') }]);
      return [];
    }
    const result = this.reader.read(new TextDecoder().decode(bytes), format, file.origin, vscode.workspace.asRelativePath(file.uri));
    if (result.problems.length > 0) {
      this.report(file.uri, result.problems);
    }
    return result.entries;
  }

  private watch(files: readonly GlossarySourceFile[]): void {
    this.watchers.forEach((w) => w.dispose());
    this.watchers = files.map((file) => {
      const folder = vscode.Uri.joinPath(file.uri, '..');
      const name = uriBasename(file.uri);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
      // Events come while a file is still being written: re-read once it settles.
      const reload = () => {
        clearTimeout(this.settleTimer);
        this.settleTimer = setTimeout(() => this.invalidate(), 150);
      };
      watcher.onDidChange(reload);
      watcher.onDidCreate(reload);
      watcher.onDidDelete(reload);
      return watcher;
    });
  }

  private report(uri: vscode.Uri, problems: readonly GlossaryProblem[]): void {
    const first = problems[0]!;
    const where = `${vscode.workspace.asRelativePath(uri)}${first.line > 0 ? `:${first.line}` : ''}`;
    const more = problems.length > 1 ? ' ' + vscode.l10n.t('({0} more problems)', problems.length - 1) : '';
    void this.problems.warn(vscode.l10n.t('Glossary {0}: {1}.{2} The other glossaries still work.', where, first.message, more), { file: uri, line: first.line });
  }
}

function isDefaultWorkspaceFile(uri: vscode.Uri): boolean {
  return WORKSPACE_GLOSSARIES.some((path) => uri.path.endsWith(`/${path}`));
}

/** Absolute paths and `~/` as they are; relative paths against every workspace folder. */
function resolvePath(path: string, folders: readonly vscode.WorkspaceFolder[]): vscode.Uri[] {
  if (path.startsWith('~/')) {
    const home = process.env.HOME ?? process.env.USERPROFILE;
    return home ? [vscode.Uri.file(`${home}/${path.slice(2)}`)] : [];
  }
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) {
    return [vscode.Uri.file(path)];
  }
  return folders.map((f) => vscode.Uri.joinPath(f.uri, path));
}
