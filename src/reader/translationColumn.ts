import * as vscode from 'vscode';
import { translationProgress } from '../core/translation/translationProgress';
import type { GlossaryService } from '../glossary/glossaryService';
import type { FromWebviewMessage, SegmentItem, SegmentTerm, ToWebviewMessage } from '../protocol/readerMessages';
import { saveSegment, StaleSegment } from '../translation/saveSegment';
import type { DocumentAlignment, SegmentAlignments } from '../translation/segmentAlignments';
import { targetLanguage } from '../translation/targetLanguage';
import { checkMessage } from '../translation/translationDiagnostics';
import type { TranslationMemoryService } from '../translation/translationMemoryService';
import { TranslationFileError, TranslationStore } from '../translation/translationStore';
import { Disposable } from '../util/dispose';
import type { ProblemReporter } from '../util/problemReporter';

/** Segments shown per page of the column: a page stays light however long the article (a CAT tool's grid pages too). */
export const SEGMENT_PAGE = 100;
/** Edits and saves pause this long (ms) before the column's page is sent again. */
const SETTLE_MS = 250;
/** Orphaned translations listed in the column at most (all are in the file, and in List Segments). */
const MAX_ORPHANS_SHOWN = 50;
/** Memory matches offered per segment. */
const MATCHES = 5;

export interface TranslationColumnServices {
  readonly translations: TranslationStore;
  readonly alignments: SegmentAlignments;
  readonly memory: TranslationMemoryService;
  readonly glossaries: GlossaryService;
  readonly problems: ProblemReporter;
}

/**
 * The extension's side of a reader panel's translation column: sends the page of segments the panel
 * shows (SEGMENT_PAGE at a time, with their translations, states and check findings, and the progress
 * over the whole article), saves what the translator types (saveSegment, in order, one at a time),
 * answers for a segment's glossary terms and memory matches, and sends the page again when the
 * article or its translations change. A save that fails is said to the user with its text, and the
 * panel is told to keep what was typed.
 */
export class TranslationColumn extends Disposable {
  /** The first segment of the page shown; undefined while the column is not shown. */
  private start: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Saves run one after another, in the order typed. */
  private saving: Promise<void> = Promise.resolve();
  /** The last page request: an older one still being prepared is not sent. */
  private request = 0;

  constructor(
    private readonly document: () => vscode.TextDocument,
    private readonly services: TranslationColumnServices,
    private readonly post: (message: ToWebviewMessage) => void,
  ) {
    super();
    this.register({ dispose: () => clearTimeout(this.timer) });
    this.register(services.alignments.onDidChange(() => this.schedule()));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === this.source && e.contentChanges.length > 0 && this.schedule()));
    this.register(services.glossaries.onDidChange(() => this.schedule()));
  }

  private get source(): string {
    return this.document().uri.toString();
  }

  /** The panel left the translation layout: pages are no longer sent. */
  hide(): void {
    this.start = undefined;
    clearTimeout(this.timer);
  }

  /** Handles the column's messages. */
  handle(message: Extract<FromWebviewMessage, { type: 'requestSegments' | 'translate' | 'requestSegmentHelp' }>): void {
    switch (message.type) {
      case 'requestSegments':
        void this.sendPage(message.start, message.line);
        break;
      case 'translate':
        // save() reports its own failures; the chain must outlive any that slips through.
        this.saving = this.saving.then(() => this.save(message)).catch(() => undefined);
        break;
      case 'requestSegmentHelp':
        void this.sendHelp(message.index, message.sentence);
        break;
    }
  }

  private schedule(): void {
    if (this.start === undefined) {
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.sendPage(this.start), SETTLE_MS);
  }

  /** Sends the page starting at segment `start` (rounded to a page), or the one holding document line `line`. */
  private async sendPage(start: number | undefined, line?: number): Promise<void> {
    const request = ++this.request;
    this.start = start ?? this.start ?? 0;
    const document = this.document();
    const language = targetLanguage(document);
    let alignment: DocumentAlignment;
    try {
      alignment = await this.services.alignments.forDocument(document);
    } catch (error) {
      if (request === this.request) {
        const problem = error instanceof Error ? error.message : String(error);
        this.post({ type: 'segments', source: this.source, start: 0, total: 0, items: [], progress: translationProgress([]), orphans: [], orphanCount: 0, problem });
      }
      return;
    }
    const matcher = await this.services.glossaries.termMatcher().catch(() => undefined);
    // Lines are the document's: an alignment of an older text waits for the page sent after the edit.
    if (request !== this.request || this.start === undefined || alignment.version !== document.version) {
      return;
    }
    const segments = alignment.segments;
    const lineOf = (offset: number) => document.positionAt(offset).line;
    let first = this.start;
    if (start === undefined && line !== undefined) {
      const at = segments.findIndex((s) => lineOf(s.range.end) >= line);
      first = at < 0 ? segments.length - 1 : at;
    }
    first = Math.max(0, Math.min(first, segments.length - 1));
    first -= first % SEGMENT_PAGE;
    this.start = first;
    const page = segments.slice(first, first + SEGMENT_PAGE);
    // Checked over the whole article: a sentence translated otherwise elsewhere is a finding here.
    const findings = this.services.alignments.findings(alignment, matcher, alignment.targetLanguage ?? language);
    const checks = new Map<number, string[]>();
    for (const finding of findings) {
      if (finding.segment >= first && finding.segment < first + SEGMENT_PAGE) {
        checks.set(finding.segment, [...(checks.get(finding.segment) ?? []), checkMessage(finding, segments[finding.segment]!)]);
      }
    }
    const items: SegmentItem[] = page.map((s) => ({
      index: s.index,
      block: s.block,
      sentence: s.source,
      target: s.translation?.target ?? '',
      state: s.translation?.state ?? 'initial',
      sourceChanged: s.sourceChanged,
      line: lineOf(s.range.start),
      checks: checks.get(s.index) ?? [],
    }));
    const orphans = alignment.orphans.slice(0, MAX_ORPHANS_SHOWN).map((t) => ({ sentence: t.selector[0].exact, target: t.target }));
    this.post({
      type: 'segments',
      source: this.source,
      start: first,
      total: segments.length,
      items,
      progress: translationProgress(segments),
      orphans,
      orphanCount: alignment.orphans.length,
    });
  }

  private async save(message: Extract<FromWebviewMessage, { type: 'translate' }>): Promise<void> {
    const document = this.document();
    const { index, text, state, sentence } = message;
    try {
      if ((state === 'translated' || state === 'reviewed') && text.trim().length === 0) {
        throw new StaleSegment(vscode.l10n.t('Segment {0} has no translation to mark as done.', index));
      }
      await saveSegment(this.services.translations, document, { index, text, state, source: sentence, followMoved: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.post({ type: 'segmentNotSaved', source: this.source, index, sentence, text });
      void this.services.problems.error(
        error instanceof TranslationFileError || error instanceof StaleSegment
          ? `${reason} ${vscode.l10n.t('Not saved: "{0}"', text)}`
          : vscode.l10n.t('The translation of segment {0} could not be saved ({1}): "{2}"', index, reason, text),
      );
    }
  }

  /** The glossary's terms in `sentence` with their renderings, and the memory's matches for it. */
  private async sendHelp(index: number, sentence: string): Promise<void> {
    const document = this.document();
    const matcher = await this.services.glossaries.termMatcher().catch(() => undefined);
    const terms: SegmentTerm[] = [];
    const seen = new Set<string>();
    for (const hit of matcher?.findAll(sentence) ?? []) {
      const english = hit.entry.english.filter((e) => e.trim().length > 0);
      if (english.length > 0 && !seen.has(hit.entry.term)) {
        seen.add(hit.entry.term);
        terms.push({ term: sentence.slice(hit.start, hit.end), english });
      }
    }
    const alignment = await this.services.alignments.forDocument(document).catch(() => undefined);
    const segment = alignment?.segments[index];
    const current = segment?.source === sentence ? segment.translation?.target : undefined;
    const found = await this.services.memory.lookup(sentence, targetLanguage(document), current, document.uri, MATCHES).catch((error: unknown) => {
      void this.services.problems.error(vscode.l10n.t('The translation memory could not be searched: {0}', error instanceof Error ? error.message : String(error)));
      return [];
    });
    const matches = found.map((m) => ({ similarity: m.similarity, target: m.unit.target, origin: m.unit.origin, differences: m.differences }));
    this.post({ type: 'segmentHelp', source: this.source, index, terms, matches });
  }
}
