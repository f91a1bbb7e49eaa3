import * as vscode from 'vscode';
import { loadTmx } from '../core/lazyModules';
import { sameLanguage, TmxJson, unitsFromTmx, unitsFromTranslations } from '../core/translation/memoryUnits';
import { MemoryMatch, MemoryUnit, TranslationMemory } from '../core/translation/translationMemory';
import { TranslationCodec } from '../core/translation/translationFile';
import { TRANSLATION_SUFFIX } from '../annotations/sidecarLocation';
import { Disposable } from '../util/dispose';
import type { ProblemReporter } from '../util/problemReporter';
import type { TranslationStore } from './translationStore';

/** The setting listing TMX files to offer matches from (workspace-relative or absolute paths). */
export const MEMORY_FILES_SETTING = 'translation.memoryFiles';
/** Translation files read into the memory at most (a workspace of thousands of articles). */
const MAX_TRANSLATION_FILES = 5000;
/** Events come while a file is still being written: the memory is built again once they settle (ms). */
const SETTLE_MS = 300;

/**
 * The translation memory offered in the reader's translation column: every translation begun in this
 * workspace's `*.translation.json` files (their sentences as quoted by their selectors) and the units
 * of the TMX files listed in `bilingualReader.translation.memoryFiles`, in the target language of the
 * setting. Sources are folded to Simplified before matching (`fold`), so a Simplified sentence finds a
 * unit made on Traditional text. Built on first lookup and again after a translation or TMX file
 * changes (a file unchanged since is not read again); a file that cannot be read is left out and said
 * in the log (a broken TMX file once as a warning naming it, since the user listed it).
 */
export class TranslationMemoryService extends Disposable {
  private memory: Promise<TranslationMemory> | undefined;
  /** The target language and TMX files the memory was built for. */
  private memoryKey = '';
  /** Each file's units as last read, with its modification time (ms) and the language read for. */
  private readonly units = new Map<string, { mtime: number; language: string; units: MemoryUnit[] }>();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly codec = new TranslationCodec();
  /** TMX files already reported broken: said again only after they change. */
  private readonly reported = new Set<string>();

  constructor(
    store: TranslationStore,
    private readonly fold: (text: string) => string,
    private readonly problems: ProblemReporter,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    const invalidate = () => {
      clearTimeout(this.settleTimer);
      this.settleTimer = setTimeout(() => (this.memory = undefined), SETTLE_MS);
    };
    this.register({ dispose: () => clearTimeout(this.settleTimer) });
    this.register(store.onDidChange(() => (this.memory = undefined)));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/*${TRANSLATION_SUFFIX}`));
    this.register(watcher.onDidChange(invalidate));
    this.register(watcher.onDidCreate(invalidate));
    this.register(watcher.onDidDelete(invalidate));
    const tmxWatcher = this.register(vscode.workspace.createFileSystemWatcher('**/*.tmx'));
    const tmxChanged = (uri: vscode.Uri) => {
      this.reported.delete(uri.toString());
      invalidate();
    };
    this.register(tmxWatcher.onDidChange(tmxChanged));
    this.register(tmxWatcher.onDidCreate(tmxChanged));
    this.register(tmxWatcher.onDidDelete(tmxChanged));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`bilingualReader.${MEMORY_FILES_SETTING}`) || e.affectsConfiguration('bilingualReader.translation.targetLanguage')) {
          this.memory = undefined;
        }
      }),
    );
  }

  /**
   * Exact and fuzzy matches (similarity ≥ 0.7, best first, at most `limit`) for `source`, in
   * `targetLanguage` (BCP 47), with the TMX files `bilingualReader.translation.memoryFiles` lists for
   * `scope` (the article). A unit whose translation is `current` (the segment's own) is left out.
   */
  async lookup(source: string, targetLanguage: string, current: string | undefined, scope: vscode.Uri, limit = 5): Promise<MemoryMatch[]> {
    const memory = await this.build(targetLanguage, memoryFiles(scope));
    return memory.lookup(source, limit + 1).filter((m) => m.unit.target !== current).slice(0, limit);
  }

  private build(targetLanguage: string, tmxFiles: readonly vscode.Uri[]): Promise<TranslationMemory> {
    const key = JSON.stringify([targetLanguage, tmxFiles.map((f) => f.toString())]);
    if (!this.memory || this.memoryKey !== key) {
      this.memoryKey = key;
      const memory = this.read(targetLanguage, tmxFiles);
      this.memory = memory;
      // A failed build is not kept: the next lookup tries again.
      memory.catch(() => this.memory === memory && (this.memory = undefined));
    }
    return this.memory;
  }

  /** The memory built from every file's units: a file unchanged since it was last read (its mtime) is not read again. */
  private async read(targetLanguage: string, tmxFiles: readonly vscode.Uri[]): Promise<TranslationMemory> {
    const memory = new TranslationMemory(this.fold);
    const files = await vscode.workspace.findFiles(`**/*${TRANSLATION_SUFFIX}`, '**/node_modules/**', MAX_TRANSLATION_FILES);
    const seen = new Set<string>();
    for (const file of files) {
      memory.add(await this.cached(file, targetLanguage, seen, () => this.translationUnits(file, targetLanguage)));
    }
    for (const file of tmxFiles) {
      memory.add(await this.cached(file, targetLanguage, seen, () => this.tmxUnits(file, targetLanguage)));
    }
    // Files gone from the workspace or the setting are forgotten.
    for (const key of this.units.keys()) {
      if (!seen.has(key)) {
        this.units.delete(key);
      }
    }
    return memory;
  }

  private async cached(file: vscode.Uri, targetLanguage: string, seen: Set<string>, read: () => Promise<MemoryUnit[]>): Promise<MemoryUnit[]> {
    const key = file.toString();
    seen.add(key);
    const mtime = await vscode.workspace.fs.stat(file).then(
      (stat) => stat.mtime,
      () => -1,
    );
    const known = this.units.get(key);
    if (known && known.mtime === mtime && mtime !== -1 && known.language === targetLanguage) {
      return known.units;
    }
    const units = await read();
    this.units.set(key, { mtime, language: targetLanguage, units });
    return units;
  }

  private async translationUnits(file: vscode.Uri, targetLanguage: string): Promise<MemoryUnit[]> {
    try {
      const read = this.codec.read(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      if (!read.ok) {
        this.log.warn(`Translation memory: ${file.toString()} left out: ${read.problem}`);
        return [];
      }
      // Translations into another language are no match for this one (en-GB is English for en).
      return sameLanguage(read.file.targetLanguage, targetLanguage) ? unitsFromTranslations(read.file.segments, vscode.workspace.asRelativePath(file)) : [];
    } catch (error) {
      this.log.warn(`Translation memory: ${file.toString()} left out: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  private async tmxUnits(file: vscode.Uri, targetLanguage: string): Promise<MemoryUnit[]> {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      const json = await new Promise<TmxJson>((resolve, reject) => loadTmx().tmx2js(text, (error, value) => (error ? reject(error) : resolve(value))));
      return unitsFromTmx(json, targetLanguage, vscode.workspace.asRelativePath(file));
    } catch (error) {
      if (!this.reported.has(file.toString())) {
        this.reported.add(file.toString());
        void this.problems.warn(
          vscode.l10n.t('The translation memory {0} could not be read ({1}); its matches are not offered.', vscode.workspace.asRelativePath(file), error instanceof Error ? error.message : String(error)),
        );
      }
      return [];
    }
  }
}

/**
 * The TMX files of the setting for `scope` (a folder's own value wins): absolute paths as they are,
 * relative ones in the workspace folder of `scope` (else the first folder).
 */
function memoryFiles(scope: vscode.Uri): vscode.Uri[] {
  const paths = vscode.workspace.getConfiguration('bilingualReader', scope).get<unknown>(MEMORY_FILES_SETTING, []);
  if (!Array.isArray(paths)) {
    return [];
  }
  const folder = vscode.workspace.getWorkspaceFolder(scope) ?? vscode.workspace.workspaceFolders?.[0];
  return paths
    .filter((p): p is string => typeof p === 'string' && p.trim().length > 0)
    .flatMap((p) => (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) ? [vscode.Uri.file(p)] : folder ? [vscode.Uri.joinPath(folder.uri, p)] : []));
}
