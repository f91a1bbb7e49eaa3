import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ScriptDetector } from '../core/detection/scriptDetector';
import { ExportedArticle, toBilingualMarkdown, toTmx, toTranslationText, toXliff } from '../core/translation/translationExport';
import type { SegmentAlignments } from '../translation/segmentAlignments';
import { targetLanguage } from '../translation/targetLanguage';
import { TranslationFileError, TranslationStore } from '../translation/translationStore';
import { writeFileAtomically } from '../util/atomicWrite';
import type { ProblemReporter } from '../util/problemReporter';
import { uriBasename } from '../util/uris';
import { argumentRecord, documentArgument } from './annotationArguments';
import { exportFormat, exportTarget, FormatChoice } from './exportTarget';

type Format = 'xliff' | 'tmx' | 'markdown' | 'text';
const EXTENSIONS: Record<Format, string> = { xliff: 'xlf', tmx: 'tmx', markdown: 'bilingual.md', text: 'translation.txt' };

/**
 * `bilingualReader.exportTranslation` with `{ uri?, format: 'xliff' | 'tmx' | 'markdown' | 'text', target? }`:
 * the article's translation as XLIFF 2.0 (for OmegaT, memoQ, Trados), a TMX 1.4b memory of its
 * finished sentences, a bilingual Markdown document, or the translation alone; asks for what is
 * missing. Resolves to the file written, or undefined after telling the user why not.
 */
export class ExportTranslationCommand {
  static readonly id = CommandId.ExportTranslation;

  constructor(
    private readonly store: TranslationStore,
    private readonly alignments: SegmentAlignments,
    private readonly detector: ScriptDetector,
    private readonly problems: ProblemReporter,
    private readonly extensionVersion: string,
  ) {}

  async execute(argument?: unknown): Promise<vscode.Uri | undefined> {
    const args = argumentRecord(argument);
    const choices: FormatChoice<Format>[] = [
      { label: 'XLIFF 2.0', detail: vscode.l10n.t('For OmegaT, memoQ, Trados'), format: 'xliff' },
      { label: 'TMX 1.4b', detail: vscode.l10n.t('Translation memory of the translated and reviewed sentences'), format: 'tmx' },
      { label: vscode.l10n.t('Bilingual Markdown'), detail: vscode.l10n.t('Each paragraph followed by its translation'), format: 'markdown' },
      { label: vscode.l10n.t('Translation as text'), format: 'text' },
    ];
    const format = await exportFormat(args.format, choices, vscode.l10n.t('Export Translation'), this.problems);
    const document = format && (await documentArgument(args, this.problems));
    if (!format || !document) {
      return undefined;
    }
    const name = uriBasename(document.uri);
    const target = await exportTarget(args.target, document.uri, EXTENSIONS[format]);
    if (!target) {
      return undefined;
    }
    if (target.toString() === document.uri.toString() || target.toString() === this.store.fileFor(document.uri)?.toString()) {
      void this.problems.error(vscode.l10n.t('An export is not written over the article or its translation file: choose another file.'));
      return undefined;
    }
    try {
      const { segments, targetLanguage: fileLanguage } = await this.alignments.forDocument(document);
      const profile = this.detector.detect(document.getText());
      const article: ExportedArticle = {
        file: name,
        sourceLanguage: profile.kind === 'simplified' ? 'zh-Hans' : profile.hongKongLike ? 'zh-Hant-HK' : 'zh-Hant',
        // The file's own language: the setting may have changed since it was written.
        targetLanguage: fileLanguage ?? targetLanguage(document),
      };
      const content =
        format === 'xliff'
          ? toXliff(article, segments, vscode.l10n.t('the source sentence changed since this translation: review it'))
          : format === 'tmx'
            ? await toTmx(article, segments, this.extensionVersion)
            : format === 'markdown'
              ? toBilingualMarkdown(name, segments, article.targetLanguage)
              : toTranslationText(segments, article.targetLanguage);
      await writeFileAtomically(target, new TextEncoder().encode(content));
      return target;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void this.problems.error(error instanceof TranslationFileError ? reason : vscode.l10n.t('Could not export the translation to {0}: {1}', vscode.workspace.asRelativePath(target), reason));
      return undefined;
    }
  }
}
