import * as vscode from 'vscode';
import { TRANSLATION_SUFFIX } from '../annotations/sidecarLocation';
import type { Alignment } from '../core/translation/segmentTranslations';
import { CheckFinding, checkTranslations } from '../core/translation/qualityChecks';
import type { TermMatcher } from '../core/glossary/termMatcher';
import { Disposable } from '../util/dispose';
import { alignText } from './alignedSegments';
import type { TranslationStore } from './translationStore';

/** A document's segments with their translations, as of one version of its text and of its translation file. */
export interface DocumentAlignment extends Alignment {
  readonly text: string;
  readonly version: number;
  /** The language of the translation file; undefined when there is none yet. */
  readonly targetLanguage: string | undefined;
}

/**
 * The alignment (segments and translations, alignedSegments.ts) of open documents, kept per document
 * version until its translation file changes (written here, or by anything else: a file watcher), and
 * its check findings, so that the translation column, the Problems panel and the status bar's progress
 * segment and check an article once per edit, not once each. Released when the document closes.
 */
export class SegmentAlignments extends Disposable {
  private readonly cache = new Map<string, { version: number; stamp: number; value: Promise<DocumentAlignment> }>();
  /** Each alignment's check findings, for the glossary matcher and language they were made with. */
  private readonly checked = new WeakMap<DocumentAlignment, { matcher: TermMatcher | undefined; language: string; findings: readonly CheckFinding[] }>();
  /** Bumped whenever any translation file may have changed: every cached alignment is then stale. */
  private stamp = 0;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Fires when translation files may have changed (documents' alignments are then made again). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly store: TranslationStore) {
    super();
    const bump = () => {
      this.stamp++;
      this.changed.fire();
    };
    this.register(store.onDidChange(bump));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/*${TRANSLATION_SUFFIX}`));
    this.register(watcher.onDidChange(bump));
    this.register(watcher.onDidCreate(bump));
    this.register(watcher.onDidDelete(bump));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())));
  }

  /**
   * The translation checks (qualityChecks.ts) of `alignment` in `language` with `matcher`, worked out
   * once per alignment: the Problems panel and the translation column show the same findings.
   */
  findings(alignment: DocumentAlignment, matcher: TermMatcher | undefined, language: string): readonly CheckFinding[] {
    const known = this.checked.get(alignment);
    if (known && known.matcher === matcher && known.language === language) {
      return known.findings;
    }
    const findings = checkTranslations(alignment.segments, matcher, language);
    this.checked.set(alignment, { matcher, language, findings });
    return findings;
  }

  /**
   * The alignment of `document` as it is now.
   * @throws TranslationFileError when its translation file cannot be read (TranslationStore.read)
   */
  forDocument(document: vscode.TextDocument): Promise<DocumentAlignment> {
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version && cached.stamp === this.stamp) {
      return cached.value;
    }
    const version = document.version;
    const value = this.store.read(document.uri).then((stored) => {
      // Read after the file, so that edits made meanwhile are in the text the translations are placed in.
      const text = document.getText();
      return { ...alignText(text, stored.translations), text, version: document.version, targetLanguage: stored.targetLanguage };
    });
    this.cache.set(key, { version, stamp: this.stamp, value });
    // A failed read is not kept: the next call tries again.
    value.catch(() => this.cache.get(key)?.value === value && this.cache.delete(key));
    return value;
  }
}
