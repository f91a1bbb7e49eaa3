import * as vscode from 'vscode';
import { writeAtomically, WriteQueue } from '../core/files/atomicWrite';
import type { StoredTranslation } from '../core/translation/segmentTranslations';
import { mergeTranslations, TranslationCodec } from '../core/translation/translationFile';
import { relativeSourcePath, sidecarUriFor, TRANSLATION_SUFFIX } from '../annotations/sidecarLocation';
import { WorkspaceSidecarFileSystem } from '../annotations/workspaceSidecarFileSystem';
import { uriBasename } from '../util/uris';

/** A translation file that must not be written over, with the reason (for the user: names the file). */
export class TranslationFileError extends Error {}

/**
 * The translations of documents, in `<file name>.translation.json` beside each (or under
 * `.annotations/` with `bilingualReader.annotations.location` set to `folder`), in the format of
 * schemas/translation.schema.json. Their own file rather than the notes' sidecar: a translation is
 * the translator's text, not a note on the article, is exchanged on its own (XLIFF, TMX), and grows
 * with the article, which notes do not. Writes are atomic (a temporary file renamed over the old) and
 * serialised per file; the file on disk is read and merged right before each write, so another
 * window's translations survive; a file that cannot be read, does not match the schema, or is a
 * folder, link or read-only is never written over: the error says so and nothing is lost.
 */
export class TranslationStore {
  private readonly queue = new WriteQueue();
  private readonly files = new WorkspaceSidecarFileSystem();
  private readonly codec = new TranslationCodec();

  /** The translation file of `document`, or undefined for a document that has none (untitled, read-only). */
  fileFor(document: vscode.Uri): vscode.Uri | undefined {
    return sidecarUriFor(document, TRANSLATION_SUFFIX);
  }

  /**
   * The stored translations of `document` (none when it has no file yet).
   * @throws TranslationFileError when the file cannot be read or is not a translation file
   */
  async read(document: vscode.Uri): Promise<StoredTranslation[]> {
    const file = this.fileFor(document);
    return file ? this.readFile(file) : [];
  }

  /**
   * Saves `translations` of `document` (new ones, or new versions of those with their ids) in the
   * language `targetLanguage` (BCP 47), merged with what the file holds now.
   * @throws TranslationFileError when the document can have no translation file, or the file must not be written over
   * @throws Error when writing fails
   */
  save(document: vscode.TextDocument, translations: readonly StoredTranslation[], targetLanguage: string): Promise<void> {
    const file = this.fileFor(document.uri);
    if (!file) {
      return Promise.reject(new TranslationFileError(vscode.l10n.t('Translations need a saved file: save {0} first.', vscode.workspace.asRelativePath(document.uri))));
    }
    return this.queue.run(file.toString(), async () => {
      const obstacle = await this.files.obstacle(file);
      if (obstacle) {
        throw new TranslationFileError(vscode.l10n.t('{0} is not written: {1}.', vscode.workspace.asRelativePath(file), obstacle));
      }
      const segments = mergeTranslations(translations, await this.readFile(file));
      await this.files.createParent(file);
      const text = this.codec.write(document.getText(), relativeSourcePath(file, document.uri), targetLanguage, segments);
      await writeAtomically(this.files, file, new TextEncoder().encode(text));
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

  private async readFile(file: vscode.Uri): Promise<StoredTranslation[]> {
    let text: string | undefined;
    try {
      text = await this.files.readText(file);
    } catch (error) {
      throw new TranslationFileError(vscode.l10n.t('Cannot read {0}: {1}', vscode.workspace.asRelativePath(file), error instanceof Error ? error.message : String(error)));
    }
    if (text === undefined) {
      return [];
    }
    const read = this.codec.read(text);
    if (!read.ok) {
      const where = read.line > 0 ? vscode.l10n.t('{0}, line {1}', vscode.workspace.asRelativePath(file), read.line) : vscode.workspace.asRelativePath(file);
      throw new TranslationFileError(vscode.l10n.t('{0} is not a translation file ({1}); it is left as it is until it is mended.', where, read.problem));
    }
    return [...read.file.segments];
  }
}
