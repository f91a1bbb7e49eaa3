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
import { glossaryWordsIn } from '../core/readings/columnReadings';
import { readingBetween, type ReadingService, type ReadingTrack } from '../core/readings/readingService';
import type { ReadingSystem } from '../core/readings/readingSystem';
import { reflow } from '../core/reader/reflow';
import { sourceVariant } from '../conversion/configuredDirections';
import { readingSettings, readingSystemLabel } from '../reader/readingSettings';
import { GlossaryService } from '../glossary/glossaryService';
import { writeFileAtomically } from '../util/atomicWrite';
import { uriBasename } from '../util/uris';
import { argumentRecord, documentNotesArgument } from './annotationArguments';
import { exportTarget } from './exportTarget';

type Format = 'markdown' | 'csv' | 'json';
/** Anki field names stay English, whatever the display language. */
const CSV_READING_COLUMNS: Record<ReadingSystem, string> = { pinyin: 'Pinyin', jyutping: 'Jyutping', zhuyin: 'Zhuyin', 'pinyin+jyutping': 'Pinyin / Jyutping' };
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
    private readonly readings: ReadingService,
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
    const target = await exportTarget(args.target, document.uri, `notes.${EXTENSIONS[format]}`);
    if (!target) {
      return undefined;
    }
    const system = readingSettings(document).readings;
    const items = await this.items(document, notes.set.all, system);
    const content =
      format === 'markdown'
        ? toMarkdown(vscode.l10n.t('Notes on {0}', name), items, {
            reading: readingSystemLabel(system),
            glossary: vscode.l10n.t('Glossary'),
            translation: vscode.l10n.t('Translation'),
            tags: vscode.l10n.t('Tags'),
            orphans: vscode.l10n.t('Notes whose text is no longer in the document'),
          })
        : format === 'csv'
          ? toAnkiCsv(items, CSV_READING_COLUMNS[system])
          : toWebAnnotations(name, items);
    await writeFileAtomically(target, new TextEncoder().encode(content));
    return target;
  }

  private async items(document: vscode.TextDocument, placed: readonly PlacedAnnotation[], system: ReadingSystem): Promise<ExportItem[]> {
    const text = document.getText();
    const blocks = reflow(text);
    const matcher = await this.glossaries.termMatcher();
    // Readings use CC-CEDICT for the words no glossary has; without it they are still read, in context.
    const dictionary = await this.glossaries.dictionary().catch(() => undefined);
    const toSimplified = { from: sourceVariant(document), to: 'cn' } as const;
    // Each block is read once, however many notes it holds.
    const blockReadings = new Map<number, ReadingTrack>();
    const readBlock = (index: number) => {
      let track = blockReadings.get(index);
      if (!track) {
        const blockText = blocks[index]!.text;
        const simplified = this.converter.convert(blockText, toSimplified);
        track = this.readings.read(blockText, system, { simplified, glossaryWords: glossaryWordsIn(matcher, blockText), dictionary });
        blockReadings.set(index, track);
      }
      return track;
    };
    // And its glossary terms found once: 100 notes on one 337,000-character paragraph scanned it 100 times (36 s).
    const blockTerms = new Map<number, ReturnType<typeof findDocumentTerms>>();
    const termsOf = (index: number) => {
      let hits = blockTerms.get(index);
      if (!hits) {
        hits = findDocumentTerms(text, matcher, [blocks[index]!]);
        blockTerms.set(index, hits);
      }
      return hits;
    };
    return placed.map(({ annotation, range }) => {
      const quote = quoteOf(annotation).exact;
      const simplified = annotation.target.simplified ?? this.converter.convert(quote, toSimplified);
      let sentence = '';
      let reading: string | undefined;
      const glossary = new Set<string>();
      if (range) {
        const index = blockIndexAtOffset(blocks, range.start);
        const block = blocks[index];
        const inBlock = block && sourceRangeToBlockText(block, range);
        sentence = block && inBlock ? sentenceAround(block.text, inBlock) : sentenceAround(text, range);
        // The quote is read in its block, so that its words are the block's words (行長 háng zhǎng, not xíng cháng).
        if (block && inBlock) {
          reading = readingBetween(readBlock(index), inBlock.start, inBlock.end);
        }
        for (const hit of block ? termsOf(index) : []) {
          if (hit.start < range.end && range.start < hit.end) {
            glossary.add(`${hit.text} — ${hit.entry.english[0]}`);
          }
        }
      }
      // An orphan (or a quote outside any block) is read on its own, line breaks joined.
      const joined = quote.replace(/\s+/g, '');
      reading ??= this.readings.readingOf(joined, 0, joined.length, system, { glossaryWords: glossaryWordsIn(matcher, joined), dictionary });
      return {
        annotation,
        orphan: !range,
        simplified,
        reading,
        glossary: [...glossary],
        sentence,
      };
    });
  }
}
