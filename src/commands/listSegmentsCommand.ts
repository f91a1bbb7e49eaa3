import { CommandId } from '../commandIds';
import type { SegmentState } from '../core/translation/segmentTranslations';
import type { SegmentAlignments } from '../translation/segmentAlignments';
import { TranslationFileError } from '../translation/translationStore';
import type { ProblemReporter } from '../util/problemReporter';
import { argumentRecord, documentArgument } from './annotationArguments';

/** One segment as listSegments returns it. */
export interface ListedSegment {
  readonly index: number;
  readonly source: string;
  /** The translation, '' when there is none. */
  readonly translation: string;
  readonly state: SegmentState;
  /** The translation was made for other source text (the sentence was edited): to review. */
  readonly sourceChanged: boolean;
  /** A translation whose sentence is gone from the article (index -1, its old sentence as source): kept, to reuse or delete by hand. */
  readonly orphan?: true;
}

/**
 * `bilingualReader.listSegments` with `{ uri? }` (default the active editor's document): the article's
 * segments in order, with their translations and states, then the translations whose sentence is gone
 * (`orphan: true`, index -1). Resolves to undefined after telling the user
 * why when the document cannot be opened or its translation file cannot be read.
 */
export class ListSegmentsCommand {
  static readonly id = CommandId.ListSegments;

  constructor(
    private readonly alignments: SegmentAlignments,
    private readonly problems: ProblemReporter,
  ) {}

  async execute(argument?: unknown): Promise<ListedSegment[] | undefined> {
    const document = await documentArgument(argumentRecord(argument), this.problems);
    if (!document) {
      return undefined;
    }
    try {
      const { segments, orphans } = await this.alignments.forDocument(document);
      return [
        ...segments.map((s) => ({
          index: s.index,
          source: s.source,
          translation: s.translation?.target ?? '',
          state: s.translation?.state ?? 'initial',
          sourceChanged: s.sourceChanged,
        })),
        ...orphans.map((t) => ({ index: -1, source: t.selector[0].exact, translation: t.target, state: t.state, sourceChanged: true, orphan: true as const })),
      ];
    } catch (error) {
      if (error instanceof TranslationFileError) {
        void this.problems.error(error.message);
        return undefined;
      }
      throw error;
    }
  }
}
