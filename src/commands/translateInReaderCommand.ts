import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ReaderPanelManager } from '../reader/readerPanelManager';
import type { SegmentAlignments } from '../translation/segmentAlignments';
import type { ProblemReporter } from '../util/problemReporter';
import { argumentRecord, documentArgument } from './annotationArguments';

/**
 * `bilingualReader.translateInReader` with `{ uri?, segment? }`: opens the document's reader panel
 * in the translation column with the focus on segment `segment` (its index, as listSegments gives
 * it), by default the sentence at the editor's cursor. The quick fix of the translation checks runs
 * it. Resolves to the segment shown, or undefined after saying why not.
 */
export class TranslateInReaderCommand {
  static readonly id = CommandId.TranslateInReader;

  constructor(
    private readonly readers: ReaderPanelManager,
    private readonly alignments: SegmentAlignments,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<{ segment: number } | undefined> {
    const args = argumentRecord(argument);
    const requested = (args as { segment?: unknown }).segment;
    if (requested !== undefined && (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 0)) {
      void this.problems.error(vscode.l10n.t('Translate in Reader Panel needs {0}.', '{ uri?, segment?: number }'));
      return undefined;
    }
    const document = await documentArgument(args, this.problems);
    if (!document) {
      return undefined;
    }
    let segment = requested;
    if (segment === undefined) {
      const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
      const offset = editor ? document.offsetAt(editor.selection.active) : 0;
      const segments = await this.alignments
        .forDocument(document)
        .then((a) => a.segments)
        .catch(() => []);
      const at = segments.findIndex((s) => s.range.end > offset);
      segment = at < 0 ? Math.max(0, segments.length - 1) : at;
    }
    const panel = await this.readers.open(document);
    await panel.showSegment(segment);
    return { segment };
  }
}
