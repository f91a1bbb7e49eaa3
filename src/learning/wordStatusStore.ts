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
  /** The file's text as last read or written here: a watcher event for it is this window's own write. */
  private lastText: string | undefined;
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
    this.loaded = this.load();
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(storage, WORD_STATUSES_FILE)));
    const reload = () => void (this.loaded = this.load());
    this.register(watcher.onDidChange(reload));
    this.register(watcher.onDidCreate(reload));
    this.register(watcher.onDidDelete(reload));
    // Settings Sync may bring another machine's statuses at any time after start: looked at again
    // whenever the window comes back into focus.
    this.register(vscode.window.onDidChangeWindowState((state) => state.focused && reload()));
  }

  private get file(): vscode.Uri {
    return vscode.Uri.joinPath(this.storage, WORD_STATUSES_FILE);
  }

  /** Resolves once the statuses are read (at start, and after another window wrote them). */
  ready(): Promise<void> {
    return this.loaded;
  }

  /** Resolves once every change asked for so far is written (before the extension host stops). */
  flush(): Promise<void> {
    return this.queue.run(this.file.toString(), async () => undefined);
  }

  /** The status of the word kept under `key` (`new` when never marked). */
  statusOf(key: string): WordStatus {
    return Object.hasOwn(this.words, key) ? this.words[key]!.status : 'new';
  }

  /** Every word marked, by key. */
  all(): Readonly<Record<string, StoredWordStatus>> {
    return this.words;
  }

  /** Whether the user has set any status (an entry kept only for an export does not count). */
  get anyMarked(): boolean {
    return Object.values(this.words).some((w) => w.modified !== NEVER);
  }

  /**
   * Sets statuses (a word set to `new` is kept as such, with its time, so that it wins over an older
   * mark elsewhere). The user's change wins over what is kept even when that is dated later (a clock
   * ahead on another machine): it is dated just after it. Resolves once written.
   * @throws WordStatusFileError when the file must not be written over
   * @throws Error when writing fails
   */
  set(changes: readonly WordStatusChange[]): Promise<void> {
    return this.update((words) => {
      const now = Date.now();
      return Object.fromEntries(
        changes.map((c) => {
          const kept = Object.hasOwn(words, c.key) ? words[c.key] : undefined;
          const modified = new Date(Math.max(now, kept ? Date.parse(kept.modified) + 1 : 0)).toISOString();
          return [c.key, { ...kept, status: c.status, modified, word: c.word } satisfies StoredWordStatus];
        }),
      );
    });
  }

  /**
   * Records that these words were exported with their status (they are not exported again from
   * here until it changes). A word never marked is kept as `new` with the earliest time, so that any
   * mark made elsewhere wins over it.
   */
  markExported(words: readonly { readonly key: string; readonly word: string }[]): Promise<void> {
    return this.update((kept) =>
      Object.fromEntries(
        words.map(({ key, word }) => {
          const status = Object.hasOwn(kept, key) ? kept[key]! : { status: 'new' as const, modified: NEVER, word };
          return [key, { ...status, exported: status.status }];
        }),
      ),
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
    });
    return taken;
  }

  /**
   * The statuses file's text as it would be exported (the schema's format).
   * @throws WordStatusFileError while the kept file cannot be read (what is known here may be stale)
   */
  exportText(): string {
    if (this.problem !== undefined) {
      throw new WordStatusFileError(this.problem);
    }
    return this.codec.write(this.words);
  }

  /**
   * `change` gets the words as they are now — the file's, with what Settings Sync brought merged in —
   * and returns those to replace, inside the write queue; the result is written to the file and to
   * the synced copy.
   */
  private update(change: (words: Readonly<Record<string, StoredWordStatus>>) => Record<string, StoredWordStatus>): Promise<void> {
    return this.queue.run(this.file.toString(), async () => {
      const obstacle = await this.files.obstacle(this.file);
      if (obstacle) {
        throw new WordStatusFileError(vscode.l10n.t('{0} is not written: {1}.', this.file.fsPath, obstacle));
      }
      const kept = this.withSynced((await this.readFile()).words);
      const changes = change(kept);
      if (Object.keys(changes).length > 0) {
        await this.write({ ...kept, ...changes });
      }
    });
  }

  private async write(words: Readonly<Record<string, StoredWordStatus>>): Promise<void> {
    const text = this.codec.write(words);
    await vscode.workspace.fs.createDirectory(this.storage);
    await writeAtomically(this.files, this.file, new TextEncoder().encode(text));
    this.lastText = text;
    this.words = words;
    this.problem = undefined;
    await this.state.update(SYNCED_STATUSES_KEY, words);
    this.changed.fire();
  }

  /** `words` with the newer statuses of the synced copy (another machine's, through Settings Sync) merged in. */
  private withSynced(words: Readonly<Record<string, StoredWordStatus>>): Readonly<Record<string, StoredWordStatus>> {
    const synced = this.state.get<unknown>(SYNCED_STATUSES_KEY);
    if (!synced || typeof synced !== 'object') {
      return words;
    }
    const merged = mergeWordStatuses(words, synced as Record<string, StoredWordStatus>);
    return merged.taken > 0 ? merged.words : words;
  }

  /**
   * Reads the file, and writes it again when the synced copy had newer statuses; reports a broken
   * file once. Fires onDidChange only when something changed (not for this window's own writes).
   */
  private async load(): Promise<void> {
    try {
      await this.queue.run(this.file.toString(), async () => {
        const { words, text } = await this.readFile();
        const withSynced = this.withSynced(words);
        this.problem = undefined;
        if (withSynced !== words) {
          // Statuses set on another machine (Settings Sync) that this file has not seen.
          await this.write(withSynced);
        } else if (text !== this.lastText) {
          this.lastText = text;
          this.words = words;
          this.changed.fire();
        }
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.problem) {
        this.problem = message;
        void this.problems.error(message, { file: this.file });
      }
    }
  }

  private async readFile(): Promise<{ words: Record<string, StoredWordStatus>; text: string | undefined }> {
    let text: string | undefined;
    try {
      text = (await this.files.readText(this.file)) ?? (await this.files.interruptedWrite(this.file, (t) => this.codec.read(t).ok));
    } catch (error) {
      throw new WordStatusFileError(vscode.l10n.t('Cannot read your word statuses ({0}): {1}', this.file.fsPath, error instanceof Error ? error.message : String(error)));
    }
    if (text === undefined) {
      return { words: {}, text };
    }
    const read = this.codec.read(text);
    if (!read.ok) {
      throw new WordStatusFileError(
        vscode.l10n.t('Your word statuses ({0}{1}) cannot be read: {2}. The file is kept as it is; marks are not saved until it is mended or moved away.', this.file.fsPath, read.line > 0 ? `:${read.line}` : '', read.problem),
      );
    }
    return { words: { ...read.file.words }, text };
  }
}
