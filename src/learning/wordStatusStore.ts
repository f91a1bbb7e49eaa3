import * as vscode from 'vscode';
import { writeAtomically, WriteQueue } from '../core/files/atomicWrite';
import { mergeWordStatuses, StoredWordStatus, WordStatus, WordStatusCodec } from '../core/learning/wordStatus';
import { WorkspaceSidecarFileSystem } from '../annotations/workspaceSidecarFileSystem';
import { Disposable } from '../util/dispose';
import type { ProblemReporter } from '../util/problemReporter';

/** The file of statuses in the extension's global storage. */
export const WORD_STATUSES_FILE = 'word-statuses.json';
/** The global state key Settings Sync carries between machines (a copy of the file's words). */
export const SYNCED_STATUSES_KEY = 'bilingualReader.wordStatuses';

/** The time of a status nobody set (a word exported while new): any real mark is later. */
const NEVER = new Date(0).toISOString();

/** A statuses file that must not be written over, or cannot be read (the message names it). */
export class WordStatusFileError extends Error {}

/** One change of status: the word's key (wordKey), the word as marked, its new status. */
export interface WordStatusChange {
  readonly key: string;
  readonly word: string;
  readonly status: WordStatus;
}

/**
 * The learner's word statuses, the same in every workspace: kept in `word-statuses.json` in the
 * extension's global storage (schemas/word-statuses.schema.json), copied into the global state under
 * a key Settings Sync carries (setKeysForSync), so that they follow the user to other machines where
 * Settings Sync is on. Every change is worked out inside a write queue from the file as it is then
 * and merged word by word, the later status winning (mergeWordStatuses): another window's marks, a
 * synced machine's and an imported file's are kept. Writes are atomic (a temporary renamed over the
 * file); a write interrupted between delete and rename is read from its temporary. A file that is
 * not a statuses file is reported once, kept as it is, and never written over: marks are refused
 * with a message until it is mended (or moved away). Another window's writes are seen through a file
 * watcher.
 */
export class WordStatusStore extends Disposable {
  private words: Readonly<Record<string, StoredWordStatus>> = {};
  private problem: string | undefined;
  private readonly queue = new WriteQueue();
  private readonly files = new WorkspaceSidecarFileSystem();
  private readonly codec = new WordStatusCodec();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when statuses changed: set here, by another window, by Settings Sync or by an import. */
  readonly onDidChange = this.changed.event;
  private loaded: Promise<void>;

  constructor(
    private readonly storage: vscode.Uri,
    private readonly state: vscode.Memento & { setKeysForSync(keys: readonly string[]): void },
    private readonly problems: ProblemReporter,
  ) {
    super();
    state.setKeysForSync([SYNCED_STATUSES_KEY]);
    this.loaded = this.load(true);
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(storage, WORD_STATUSES_FILE)));
    const reload = () => void (this.loaded = this.load(false));
    this.register(watcher.onDidChange(reload));
    this.register(watcher.onDidCreate(reload));
  }

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, WORD_STATUSES_FILE);
  }

  /** Resolves once the statuses are read (at start, and after another window wrote them). */
  ready(): Promise<void> {
    return this.loaded;
  }

  /** The status of the word kept under `key` (`new` when never marked). */
  statusOf(key: string): WordStatus {
    return this.words[key]?.status ?? 'new';
  }

  /** Every word marked, by key. */
  all(): Readonly<Record<string, StoredWordStatus>> {
    return this.words;
  }

  /**
   * Sets statuses (a word set to `new` is kept as such, with its time, so that it wins over an older
   * mark elsewhere). Resolves once written.
   * @throws WordStatusFileError when the file must not be written over
   * @throws Error when writing fails
   */
  set(changes: readonly WordStatusChange[]): Promise<void> {
    const now = new Date().toISOString();
    return this.update((words) =>
      Object.fromEntries(changes.map((c) => [c.key, { ...words[c.key], status: c.status, modified: now, word: c.word } satisfies StoredWordStatus])),
    );
  }

  /**
   * Records that these words were exported with their status (they are not exported again until it
   * changes). A word never marked is kept as `new` with the earliest time, so that any mark made
   * elsewhere wins over it.
   */
  markExported(words: readonly { readonly key: string; readonly word: string }[]): Promise<void> {
    return this.update(
      (kept) =>
        Object.fromEntries(
          words.map(({ key, word }) => {
            const status = kept[key] ?? { status: 'new' as const, modified: NEVER, word };
            return [key, { ...status, exported: status.status }];
          }),
        ),
      false,
    );
  }

  /**
   * Merges statuses from elsewhere (an imported file): each word's later status wins. Resolves to
   * how many were taken.
   * @throws WordStatusFileError when the file must not be written over
   */
  async merge(words: Readonly<Record<string, StoredWordStatus>>): Promise<number> {
    let taken = 0;
    await this.update((kept) => {
      const merged = mergeWordStatuses(kept, words);
      taken = merged.taken;
      return Object.fromEntries(Object.entries(merged.words).filter(([key, status]) => kept[key] !== status));
    }, false);
    return taken;
  }

  /** The statuses file's text as it would be exported (the schema's format). */
  exportText(): string {
    return this.codec.write(this.words);
  }

  /**
   * `change` gets the words as the file holds them now and returns those to write (newer with
   * `stamped`, merged as they are otherwise), inside the write queue.
   */
  private update(change: (words: Readonly<Record<string, StoredWordStatus>>) => Record<string, StoredWordStatus>, stamped = true): Promise<void> {
    return this.queue.run(this.file.toString(), async () => {
      const obstacle = await this.files.obstacle(this.file);
      if (obstacle) {
        throw new WordStatusFileError(vscode.l10n.t('{0} is not written: {1}.', this.file.fsPath, obstacle));
      }
      const kept = await this.readFile();
      const changes = change(kept);
      if (Object.keys(changes).length === 0) {
        return;
      }
      const words = stamped ? mergeWordStatuses(kept, changes).words : { ...kept, ...changes };
      await vscode.workspace.fs.createDirectory(this.storage);
      await writeAtomically(this.files, this.file, new TextEncoder().encode(this.codec.write(words)));
      this.words = words;
      await this.state.update(SYNCED_STATUSES_KEY, words);
      this.changed.fire();
    });
  }

  /** Reads the file (and, at start, what Settings Sync brought), reporting a broken file once. */
  private async load(start: boolean): Promise<void> {
    try {
      const words = await this.queue.run(this.file.toString(), () => this.readFile());
      this.words = words;
      this.problem = undefined;
      this.changed.fire();
      const synced = this.state.get<Record<string, StoredWordStatus>>(SYNCED_STATUSES_KEY);
      if (start && synced && typeof synced === 'object' && mergeWordStatuses(words, synced).taken > 0) {
        // Statuses set on another machine (Settings Sync) that this file has not seen.
        await this.merge(synced);
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.problem) {
        this.problem = message;
        void this.problems.error(message, { file: this.file });
      }
    }
  }

  private async readFile(): Promise<Record<string, StoredWordStatus>> {
    let text: string | undefined;
    try {
      text = (await this.files.readText(this.file)) ?? (await this.files.interruptedWrite(this.file, (t) => this.codec.read(t).ok));
    } catch (error) {
      throw new WordStatusFileError(vscode.l10n.t('Cannot read your word statuses ({0}): {1}', this.file.fsPath, error instanceof Error ? error.message : String(error)));
    }
    if (text === undefined) {
      return {};
    }
    const read = this.codec.read(text);
    if (!read.ok) {
      throw new WordStatusFileError(
        vscode.l10n.t('Your word statuses ({0}{1}) cannot be read: {2}. The file is kept as it is; marks are not saved until it is mended or moved away.', this.file.fsPath, read.line > 0 ? `:${read.line}` : '', read.problem),
      );
    }
    return { ...read.file.words };
  }
}
