import * as vscode from 'vscode';
import { AnnotationManager } from '../annotations/annotationManager';
import { CommandId } from '../commandIds';
import { quoteOf } from '../core/annotations/annotation';
import type { PlacedAnnotation } from '../core/annotations/annotationSet';
import { ExportItem, toAnkiCsv, toMarkdown, toWebAnnotations } from '../core/annotations/annotationExport';
import { sentenceAround, sourceRangeToBlockText } from '../core/annotations/sourceMapping';
import { blockIndexAtOffset } from '../core/reader/blockSource';
import { ChineseConverter } from '../core/conversion/chineseConverter';
import { findDocumentTerms } from '../core/glossary/documentTerms';
import { PinyinAnnotator } from '../core/pinyin/pinyinAnnotator';
import { reflow } from '../core/reader/reflow';
import { GlossaryService } from '../glossary/glossaryService';
import { writeFileAtomically } from '../util/atomicWrite';
import { uriArgument, uriBasename } from '../util/uris';
import { argumentRecord, documentNotesArgument } from './annotationArguments';

type Format = 'markdown' | 'csv' | 'json';
const EXTENSIONS: Record<Format, string> = { markdown: 'md', csv: 'csv', json: 'json' };

/**
 * `bilingualReader.exportAnnotations` with `{ uri, format: 'markdown' | 'csv' | 'json', target? }`:
 * a Markdown study sheet, CSV for Anki, or W3C Web Annotations. Orphans are exported too.
 */
export class ExportAnnotationsCommand {
  static readonly id = CommandId.ExportAnnotations;

  constructor(
    private readonly annotations: AnnotationManager,
    private readonly glossaries: GlossaryService,
    private readonly converter: ChineseConverter,
    private readonly pinyin: PinyinAnnotator,
  ) {}

  async execute(argument?: unknown): Promise<vscode.Uri | undefined> {
    const args = argumentRecord(argument);
    const found = await documentNotesArgument(this.annotations, args);
    if (!found) {
      return undefined;
    }
    const { document, notes } = found;
    let format = args.format === 'markdown' || args.format === 'csv' || args.format === 'json' ? (args.format as Format) : undefined;
    if (args.format !== undefined && !format) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Unknown export format {0}: use "markdown", "csv" or "json".', String(args.format)));
      return undefined;
    }
    format ??= (
      await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Markdown study sheet'), format: 'markdown' as const },
          { label: vscode.l10n.t('CSV for Anki'), format: 'csv' as const },
          { label: vscode.l10n.t('JSON (W3C Web Annotations)'), format: 'json' as const },
        ],
        { title: vscode.l10n.t('Export Annotations') },
      )
    )?.format;
    if (!format) {
      return undefined;
    }
    const name = uriBasename(document.uri);
    const target =
      uriArgument(args.target) ??
      (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(document.uri, '..', `${name}.notes.${EXTENSIONS[format]}`) }));
    if (!target) {
      return undefined;
    }
    const items = await this.items(document, notes.set.all);
    const content =
      format === 'markdown'
        ? toMarkdown(vscode.l10n.t('Notes on {0}', name), items, {
            pinyin: vscode.l10n.t('Pinyin'),
            glossary: vscode.l10n.t('Glossary'),
            translation: vscode.l10n.t('Translation'),
            tags: vscode.l10n.t('Tags'),
            orphans: vscode.l10n.t('Notes whose text is no longer in the document'),
          })
        : format === 'csv'
          ? toAnkiCsv(items)
          : toWebAnnotations(name, items);
    await writeFileAtomically(target, new TextEncoder().encode(content));
    return target;
  }

  private async items(document: vscode.TextDocument, placed: readonly PlacedAnnotation[]): Promise<ExportItem[]> {
    const text = document.getText();
    const blocks = reflow(text);
    const matcher = await this.glossaries.termMatcher();
    return placed.map(({ annotation, range }) => {
      const quote = quoteOf(annotation).exact;
      const simplified = annotation.target.simplified ?? this.converter.convert(quote, { from: 'hk', to: 'cn' });
      let sentence = '';
      const glossary = new Set<string>();
      if (range) {
        const block = blocks[blockIndexAtOffset(blocks, range.start)];
        const inBlock = block && sourceRangeToBlockText(block, range);
        sentence = block && inBlock ? sentenceAround(block.text, inBlock) : sentenceAround(text, range);
        for (const hit of findDocumentTerms(text, matcher, block ? [block] : [])) {
          if (hit.start < range.end && range.start < hit.end) {
            glossary.add(`${hit.text} — ${hit.entry.english[0]}`);
          }
        }
      }
      return {
        annotation,
        orphan: !range,
        simplified,
        pinyin: this.pinyin.reading(simplified.replace(/\s+/g, '')),
        glossary: [...glossary],
        sentence,
      };
    });
  }
}
