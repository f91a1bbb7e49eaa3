import * as vscode from 'vscode';
import { writeAtomically, WriteQueue } from '../core/files/atomicWrite';
import type { StoredTranslation } from '../core/translation/segmentTranslations';
import { mergeTranslations, TranslationCodec } from '../core/translation/translationFile';
import { relativeSourcePath, sidecarUriFor, TRANSLATION_SUFFIX } from '../annotations/sidecarLocation';
import { WorkspaceSidecarFileSystem } from '../annotations/workspaceSidecarFileSystem';
import { Disposable } from '../util/dispose';
import { uriBasename } from '../util/uris';

/** A translation file that must not be written over, with the reason (for the user: names the file). */
export class TranslationFileError extends Error {}

/** What a document's translation file holds: its translations and their language (undefined: no file yet). */
export interface StoredDocumentTranslation {
  readonly translations: readonly StoredTranslation[];
  readonly targetLanguage: string | undefined;
}

/**
 * The translations of documents, in `<file name>.translation.json` beside each (or under
 * `.annotations/` with `bilingualReader.annotations.location` set to `folder`), in the format of
 * schemas/translation.schema.json. Their own file rather than the notes' sidecar: a translation is
 * the translator's text, not a note on the article, is exchanged on its own (XLIFF, TMX), and grows
 * with the article, which notes do not. Writes are atomic (a temporary file renamed over the old) and
 * serialised per file, and each change is worked out inside that queue from the file as it is then
 * ({@link update}), so another window's translations survive and two quick saves of one sentence make
 * one translation. A file that cannot be read, does not match the schema, is in another language, or
 * is a folder, link or read-only is never written over: the error says so and nothing is lost. A file
 * missing while a temporary of an interrupted write is beside it (VS Code deletes before it renames)
 * is read from that temporary.
 */
export class TranslationStore extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  /** Fires with a document's URI after its translation file was written here. */
  readonly onDidChange = this.changed.event;
  private readonly queue = new WriteQueue();
  private readonly files = new WorkspaceSidecarFileSystem();
  private readonly codec = new TranslationCodec();

  /** The translation file of `document`, or undefined for a document that has none (untitled, read-only). */
  fileFor(document: vscode.Uri): vscode.Uri | undefined {
    return sidecarUriFor(document, TRANSLATION_SUFFIX);
  }

  /**
   * What the translation file of `document` holds (nothing when it has none yet).
   * @throws TranslationFileError when the file cannot be read or is not a translation file
   */
  read(document: vscode.Uri): Promise<StoredDocumentTranslation> {
    const file = this.fileFor(document);
    return file ? this.queue.run(file.toString(), () => this.readFile(file)) : Promise.resolve({ translations: [], targetLanguage: undefined });
  }

  /**
   * Changes the translations of `document`: `change` gets what the file holds now (read inside the
   * write queue) and returns the translations to save — new ones, or new versions of those with their
   * ids, which win over the file's — and the result is written in the language `targetLanguage` (BCP 47).
   * Resolves to what `change` returned.
   * @throws TranslationFileError when the document can have no translation file, the file must not be
   *   written over, or it holds translations into another language
   * @throws Error when writing fails, or what `change` throws
   */
  update<T extends readonly StoredTranslation[]>(document: vscode.TextDocument, targetLanguage: string, change: (stored: StoredDocumentTranslation) => T): Promise<T> {
    const file = this.fileFor(document.uri);
    if (!file) {
      return Promise.reject(new TranslationFileError(vscode.l10n.t('Translations need a saved file: save {0} first.', vscode.workspace.asRelativePath(document.uri))));
    }
    return this.queue.run(file.toString(), async () => {
      const obstacle = await this.files.obstacle(file);
      if (obstacle) {
        throw new TranslationFileError(vscode.l10n.t('{0} is not written: {1}.', vscode.workspace.asRelativePath(file), obstacle));
      }
      const stored = await this.readFile(file);
      if (stored.targetLanguage !== undefined && stored.targetLanguage !== targetLanguage) {
        throw new TranslationFileError(
          vscode.l10n.t(
            '{0} holds translations into {1}, not {2} (bilingualReader.translation.targetLanguage): nothing is written, so that they are not relabelled.',
            vscode.workspace.asRelativePath(file),
            stored.targetLanguage,
            targetLanguage,
          ),
        );
      }
      const changed = change(stored);
      if (changed.length > 0) {
        await this.files.createParent(file);
        const text = this.codec.write(document.getText(), relativeSourcePath(file, document.uri), targetLanguage, mergeTranslations(changed, stored.translations));
        await writeAtomically(this.files, file, new TextEncoder().encode(text));
        this.changed.fire(document.uri);
      }
      return changed;
    });
  }

  /**
   * A copy of the document's translation file beside it, `<file>.before-<label>-<time>.json`, before
   * an import replaces translations; undefined when there is no file yet.
   * @throws Error when copying fails (the caller then replaces nothing)
   */
  backup(document: vscode.Uri, label: string): Promise<vscode.Uri | undefined> {
    const file = this.fileFor(document);
    if (!file) {
      return Promise.resolve(undefined);
    }
    return this.queue.run(file.toString(), async () => {
      if ((await this.files.readText(file)) === undefined) {
        return undefined;
      }
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const copy = vscode.Uri.joinPath(file, '..', `${uriBasename(file).replace(/\.json$/, '')}.before-${label}-${stamp}.json`);
      await this.files.copy(file, copy);
      return copy;
    });
  }

  private async readFile(file: vscode.Uri): Promise<StoredDocumentTranslation> {
    let text: string | undefined;
    try {
      text = (await this.files.readText(file)) ?? (await this.files.interruptedWrite(file, (t) => this.codec.read(t).ok));
    } catch (error) {
      throw new TranslationFileError(vscode.l10n.t('Cannot read {0}: {1}', vscode.workspace.asRelativePath(file), error instanceof Error ? error.message : String(error)));
    }
    if (text === undefined) {
      return { translations: [], targetLanguage: undefined };
    }
    const read = this.codec.read(text);
    if (!read.ok) {
      const where = read.line > 0 ? vscode.l10n.t('{0}, line {1}', vscode.workspace.asRelativePath(file), read.line) : vscode.workspace.asRelativePath(file);
      throw new TranslationFileError(vscode.l10n.t('{0} is not a translation file ({1}); it is left as it is until it is mended.', where, read.problem));
    }
    return { translations: read.file.segments, targetLanguage: read.file.targetLanguage };
  }
}
