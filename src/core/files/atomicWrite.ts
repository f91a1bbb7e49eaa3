/** The few file operations an atomic write needs; P is how the file system names files (a path, a URI). */
export interface AtomicFileSystem<P> {
  writeFile(file: P, data: Uint8Array): Promise<void>;
  /** Renames, replacing `to` if it exists. */
  rename(from: P, to: P): Promise<void>;
  delete(file: P): Promise<void>;
  /** A file beside `file`, named `name`. */
  sibling(file: P, name: string): P;
  basename(file: P): string;
}

/**
 * Writes a file so that a crash at any moment leaves the old or the new content whole, never a torn
 * file: the bytes go to a temporary sibling, which is then renamed over the target. (VS Code's file
 * service deletes an existing target before renaming onto it, so for a moment only the temporary file
 * holds the content: {@link isTemporaryOf} lets a reader find it again after a crash.)
 */
export async function writeAtomically<P>(fs: AtomicFileSystem<P>, file: P, data: Uint8Array): Promise<void> {
  const temporary = fs.sibling(file, `.${fs.basename(file)}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}${TEMPORARY_SUFFIX}`);
  try {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.delete(temporary).catch(() => undefined);
    throw error;
  }
}

const TEMPORARY_SUFFIX = '.tmp';

/** Whether `name` is a temporary file {@link writeAtomically} made for the file named `target`. */
export function isTemporaryOf(name: string, target: string): boolean {
  return name.startsWith(`.${target}.`) && name.endsWith(TEMPORARY_SUFFIX);
}

/** Runs tasks one after another per key (a file), so that two writes of one file never interleave. */
export class WriteQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) {
        this.tails.delete(key);
      }
    });
    return next;
  }

  /** Resolves when every task queued so far has settled (to flush writes before the extension stops). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) {
      await Promise.all(this.tails.values());
    }
  }
}
