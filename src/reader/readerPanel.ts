import * as vscode from 'vscode';
import { ChineseConverter } from '../core/conversion/chineseConverter';
import { Direction, parseDirection } from '../core/conversion/locales';
import { readerDirection, segmentationSetting } from '../conversion/configuredDirections';
import { ScriptDetector } from '../core/detection/scriptDetector';
import { ReaderModel } from '../core/reader/readerModel';
import { directionLabel, PICKABLE_DIRECTIONS } from '../conversion/directionLabels';
import { PhraseOverridesProvider } from '../conversion/phraseOverridesProvider';
import type { ReadingService } from '../core/readings/readingService';
import { isReadingSystem, READING_SYSTEMS } from '../core/readings/readingSystem';
import type { GlossaryService } from '../glossary/glossaryService';
import type { AnnotationManager } from '../annotations/annotationManager';
import { blockTextToSourceRange } from '../core/annotations/sourceMapping';
import { OffsetMap } from '../core/reader/offsetMap';
import {
  FromWebviewMessage,
  parseFromWebviewMessage,
  READER_LAYOUTS,
  ReaderLayout,
  ReaderOptions,
  ReaderState,
  ToWebviewMessage,
} from '../protocol/readerMessages';
import { Disposable } from '../util/dispose';
import { CommandId } from '../commandIds';
import { uriBasename } from '../util/uris';
import { LearnerMarks, NoteRanges, ReaderBlockDecorator, RubyReading } from './blockDecorator';
import { readerHtml } from './readerHtml';
import { lookUpWord } from '../core/glossary/dictionaryLookup';
import { readingSettings, readingSystemLabel } from './readingSettings';
import type { ProblemReporter } from '../util/problemReporter';
import type { TextRange } from '../core/annotations/annotation';
import { EditSpan, extendEditSpan } from '../core/reader/editSpan';
import { reflowInSlices } from '../core/reader/slicedReflow';
import { encodeOutlines, isLongDocument, LONG_DOCUMENT_CHARACTERS } from '../core/reader/renderedBlock';
import { findInBlocks } from '../core/reader/blockSearch';
import { TranslationColumn } from './translationColumn';
import { articleWords } from '../core/learning/articleWords';
import { knownPercent, readingLevelSummary, wordStatusLabel } from '../learning/readingLevelText';
import { WORD_STATUSES } from '../core/learning/wordStatusKind';
import type { TranslationStore } from '../translation/translationStore';
import type { SegmentAlignments } from '../translation/segmentAlignments';
import type { TranslationMemoryService } from '../translation/translationMemoryService';
import type { LearnerService } from '../learning/learnerService';

/** Characters of text rendered per message while a document is first shown. */
const RENDER_CHUNK = 64 * 1024;
/** Characters rendered per message for blocks a long document's panel asks for (about 15 ms of work). */
const REQUEST_CHUNK = 16 * 1024;
/** Characters rendered for the first screen of a long text, sent before the rest is reflowed. */
const FIRST_SCREEN = 4 * 1024;
/** Blocks rendered at most for one request: the panel asks for those near its viewport. */
const MAX_REQUESTED_BLOCKS = 2000;
/** Bursts of typing closer together than this are coalesced into one update. */
const COALESCE_MS = 60;
/** After one side scrolls the other, its own scroll events are ignored this long. */
const SCROLL_GUARD_MS = 200;

export interface ReaderServices {
  readonly extensionUri: vscode.Uri;
  readonly converter: ChineseConverter;
  readonly detector: ScriptDetector;
  readonly overrides: PhraseOverridesProvider;
  readonly glossaries: GlossaryService;
  readonly readings: ReadingService;
  readonly annotations: AnnotationManager;
  /** Where problems are reported (message and log). */
  readonly problems: ProblemReporter;
  /** Asks for a note on `range` (UTF-16 offsets of the document) and adds it (AnnotateCommand.annotateRange). */
  readonly annotate: (document: vscode.TextDocument, range: { start: number; end: number }) => Promise<unknown>;
  /** The translation column's: where translations are kept, the documents' segments, the memory. */
  readonly translations: TranslationStore;
  readonly alignments: SegmentAlignments;
  readonly memory: TranslationMemoryService;
  /** The learner's words and statuses: marks in the panel, and its reading level. */
  readonly learner: LearnerService;
}

/**
 * The reader panel of one document: the article beside its conversion, block by block. Typing
 * patches only the changed blocks; the panel and the editor scroll together.
 */
export class ReaderPanel extends Disposable {
  static readonly viewType = 'bilingualReader.reader';

  private model: ReaderModel | undefined;
  private decorator: ReaderBlockDecorator | undefined;
  /** The document's annotated ranges, taken before each render or update. */
  private noteRanges: NoteRanges = [];
  /** What changed since the text the model last rendered, from VS Code's change ranges. */
  private pendingEdit: EditSpan | undefined;
  /** A long document: blocks are rendered when the panel asks for them (isLongDocument). */
  private lazy = false;
  /** The last search asked for; an older one still running gives up. */
  private findId = -1;
  private options: ReaderOptions;
  private renderedVersion = -1;
  /** The render (generation) the current model belongs to; the panel's messages name the one they saw. */
  private modelGeneration = -1;
  private generation = 0;
  private ready = false;
  /** Renders waiting for the webview page to be ready. */
  private readonly readyWaiters: (() => void)[] = [];
  /** A render has started and posted nothing yet: the page's 'ready' need not start another. */
  private awaitingFirstPost = false;
  /** A long text's first screen, prepared from the first slice of its reflow, waiting for the page. */
  private firstScreen: ToWebviewMessage | undefined;
  /** Pages loaded ('ready' messages): a reload loses what the page showed. */
  private pageLoads = 0;
  /** The page load the last first screen went to. */
  private firstScreenPage = -1;
  /** Whether the current page has been sent a render (it shows the document, and a place in it). */
  private pageShowsBlocks = false;
  private disposed = false;
  /** Whether this panel already said CC-CEDICT could not be loaded. */
  private toldDictionaryFailed = false;
  private updateTimer: ReturnType<typeof setTimeout> | undefined;
  private updatePending = false;
  private ignoreEditorScrollUntil = 0;
  private readonly column: TranslationColumn;
  private readonly posted = new vscode.EventEmitter<ToWebviewMessage>();
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Every message sent to the webview (for tests and automation). */
  readonly onDidPostMessage = this.posted.event;
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private document: vscode.TextDocument,
    private readonly services: ReaderServices,
    state?: ReaderState,
  ) {
    super();
    this.register(this.posted);
    this.register(this.disposeEmitter);
    this.options = this.initialOptions(state);
    this.column = this.register(new TranslationColumn(() => this.document, services, (message) => this.post(message)));
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(services.extensionUri, 'media')] };
    panel.title = vscode.l10n.t('Reader: {0}', this.fileName());
    panel.webview.html = this.html();
    this.register(panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)));
    this.register(panel.onDidDispose(() => this.dispose()));
    // Edits come through the notes' owner, after the notes have moved with them: the patch then
    // carries the moved note ranges, whatever order listeners were registered in.
    this.register(
      services.annotations.onDidEditDocument(({ event, notesPlacedAgain }) => {
        if (event.document.uri.toString() === this.uri.toString() && event.contentChanges.length > 0) {
          this.document = event.document;
          this.pendingEdit = extendEditSpan(
            this.pendingEdit,
            event.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })),
          );
          if (notesPlacedAgain.length > 0) {
            // Patched now, while the notes' new ranges describe the current text, and the blocks the
            // notes went to (a moved line, a note found again elsewhere) are rendered again.
            this.update();
            this.rerenderNotes(notesPlacedAgain);
          } else {
            this.scheduleUpdate();
          }
        }
      }),
    );
    this.register(
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.uri.toString() === this.uri.toString() && Date.now() >= this.ignoreEditorScrollUntil) {
          const top = e.visibleRanges[0]?.start.line ?? 0;
          this.post({ type: 'scrollToLine', source: this.source, line: top });
        }
      }),
    );
    this.register({ dispose: () => clearTimeout(this.updateTimer) });
    // New phrase overrides change the conversion of every block.
    this.register(services.overrides.onDidChange(() => void this.renderAll()));
    this.register(services.glossaries.onDidChange(() => void this.renderAll()));
    // A word marked (here, in another window, by an import): its marks and readings change everywhere.
    this.register(services.learner.statuses.onDidChange(() => (this.options.markNewWords || (this.options.pinyin && this.options.readingsUnknownOnly)) && void this.renderAll()));
    // Notes added, edited, removed, merged or placed again: the blocks they were and are in are
    // rendered again; notes that moved with an edit come with the edit (above).
    this.register(
      services.annotations.onDidChangeNotes((uri) => {
        if (uri.toString() === this.source) {
          this.notesChanged();
        }
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('bilingualReader.reader.fontFamily', this.document) || e.affectsConfiguration('bilingualReader.reader.fontSize', this.document)) {
          // The page reloads with the new font and asks for a fresh render ('ready').
          this.ready = false;
          this.panel.webview.html = this.html();
        } else if (
          e.affectsConfiguration('bilingualReader.readings', this.document) ||
          e.affectsConfiguration('bilingualReader.toneColors', this.document) ||
          e.affectsConfiguration('bilingualReader.reader.pinyin', this.document)
        ) {
          // A settings change wins over the toolbar's last choice, as it would for a new panel.
          const readings =
            e.affectsConfiguration('bilingualReader.readings', this.document) || e.affectsConfiguration('bilingualReader.toneColors', this.document)
              ? readingSettings(this.document)
              : {};
          const pinyin = e.affectsConfiguration('bilingualReader.reader.pinyin', this.document)
            ? { pinyin: vscode.workspace.getConfiguration('bilingualReader', this.document).get<boolean>('reader.pinyin', false) }
            : {};
          this.options = { ...this.options, ...readings, ...pinyin };
          void this.renderAll();
        } else if (e.affectsConfiguration('bilingualReader.conversion.segmentation', this.document)) {
          void this.renderAll();
        }
      }),
    );
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Apart from the chain above: a change of several settings at once (a settings.json edit) is not lost.
        if (e.affectsConfiguration('bilingualReader.reader.markNewWords', this.document) || e.affectsConfiguration('bilingualReader.reader.readingsUnknownOnly', this.document)) {
          const config = vscode.workspace.getConfiguration('bilingualReader', this.document);
          this.options = { ...this.options, markNewWords: config.get<boolean>('reader.markNewWords', false), readingsUnknownOnly: config.get<boolean>('reader.readingsUnknownOnly', false) };
          void this.renderAll();
        }
      }),
    );
    // Prepared while the page loads (the conversion, the reflow of a long text); posted once it is ready.
    void this.renderAll();
  }

  private html(): string {
    return readerHtml(this.panel.webview, this.services.extensionUri, {
      source: this.document.uri.toString(),
      directions: PICKABLE_DIRECTIONS.map((d) => ({ ...d, label: directionLabel(d) })),
      labels: readerLabels(),
      font: readerFont(this.document),
    });
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  get currentOptions(): ReaderOptions {
    return this.options;
  }

  override dispose(): void {
    this.generation++;
    this.disposed = true;
    this.readyWaiters.splice(0).forEach((resolve) => resolve());
    this.disposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /**
   * Shows segment `index` (article order) in the translation column, switching the panel to it, and
   * gives the panel the focus there. Resolves once the message is posted.
   */
  async showSegment(index: number): Promise<void> {
    this.panel.reveal(undefined, false);
    if (this.options.layout !== 'translation') {
      this.options = { ...this.options, layout: 'translation' };
      await this.renderAll();
    } else if (!this.ready) {
      await new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    }
    this.post({ type: 'showSegment', source: this.source, index });
  }

  private get source(): string {
    return this.document.uri.toString();
  }

  private fileName(): string {
    return uriBasename(this.document.uri) || this.document.uri.toString();
  }

  private initialOptions(state?: ReaderState): ReaderOptions {
    const config = vscode.workspace.getConfiguration('bilingualReader', this.document);
    const layout = config.get<string>('reader.layout', 'sideBySide');
    const settings = readingSettings(this.document);
    const direction = parseDirection(state?.options) ?? readerDirection(this.services.detector.detect(this.document.getText()).kind === 'simplified', this.document);
    return {
      layout: state?.options?.layout ?? ((READER_LAYOUTS as readonly string[]).includes(layout) ? (layout as ReaderLayout) : 'sideBySide'),
      markChanges: state?.options?.markChanges ?? config.get<boolean>('reader.markChanges', true),
      showLineBreaks: state?.options?.showLineBreaks ?? false,
      pinyin: state?.options?.pinyin ?? config.get<boolean>('reader.pinyin', false),
      readings: isReadingSystem(state?.options?.readings) ? state.options.readings : settings.readings,
      // Not a toolbar choice: always the setting's, even in a restored panel.
      toneColors: settings.toneColors,
      from: direction.from,
      to: direction.to,
      markNewWords: state?.options?.markNewWords ?? config.get<boolean>('reader.markNewWords', false),
      readingsUnknownOnly: state?.options?.readingsUnknownOnly ?? config.get<boolean>('reader.readingsUnknownOnly', false),
    };
  }


  private onMessage(raw: unknown): void {
    const message = parseFromWebviewMessage(raw, this.source);
    if (!message) {
      return;
    }
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        this.pageLoads++;
        this.pageShowsBlocks = false;
        // A render under way (started with the panel, or while the page reloaded) waits for this; else one starts.
        const underway = this.readyWaiters.length > 0 || this.awaitingFirstPost;
        this.postFirstScreen();
        if (underway) {
          this.readyWaiters.splice(0).forEach((resolve) => resolve());
        } else {
          void this.renderAll();
        }
        break;
      }
      case 'revealLine':
        void this.revealInEditor(message.line);
        break;
      case 'didScroll':
        this.scrollEditors(message.line);
        break;
      case 'annotate':
        if (message.version !== this.renderedVersion) {
          void vscode.window.showInformationMessage(vscode.l10n.t('The document changed while you were selecting; select the text again.'));
        } else if (!this.model || message.renderId !== this.modelGeneration) {
          // Offsets in another rendering (the original line breaks shown or not) would place the note on other text.
          void vscode.window.showInformationMessage(vscode.l10n.t('The panel was rendered again while you were selecting; select the text again.'));
        } else {
          void this.annotateSelection(message.block, message.column, message.start, message.end);
        }
        break;
      case 'lookup':
        void this.lookUp(message);
        break;
      case 'requestBlocks':
        void this.sendBlocks(message.version, message.start, Math.min(message.end, message.start + MAX_REQUESTED_BLOCKS));
        break;
      case 'find':
        void this.find(message);
        break;
      case 'requestSegments':
      case 'translate':
      case 'requestSegmentHelp':
        this.column.handle(message);
        break;
      case 'setWordStatus':
        void this.services.learner.statuses
          .set([{ key: message.key, word: message.word, status: message.status }])
          .catch((error: unknown) => this.services.problems.error(vscode.l10n.t('The status of {0} could not be saved: {1}', message.word, error instanceof Error ? error.message : String(error))));
        break;
      case 'markPageKnown':
        void vscode.commands.executeCommand(CommandId.MarkPageKnown, { uri: this.document.uri });
        break;
      case 'setOptions': {
        if (message.options.layout !== undefined && message.options.layout !== 'translation') {
          this.column.hide();
        }
        const direction = parseDirection({ from: message.options.from ?? this.options.from, to: message.options.to ?? this.options.to });
        this.options = { ...this.options, ...message.options, ...(direction ?? { from: this.options.from, to: this.options.to }) };
        void this.renderAll();
        break;
      }
    }
  }

  /** The CC-CEDICT word at a place in a column, with its cards, as the editor's hover gives it. */
  private async lookUp(message: Extract<FromWebviewMessage, { type: 'lookup' }>): Promise<void> {
    const model = this.model;
    const dictionary = await this.services.glossaries.dictionary().catch(() => undefined);
    // The block and offset are the panel's as it was when asked: answer only if nothing was re-rendered since.
    const block = message.version === this.renderedVersion && model === this.model ? model?.block(message.block) : undefined;
    const locale = message.column === 'original' ? this.options.from : this.options.to;
    const found =
      block && dictionary
        ? lookUpWord(block[message.column], message.offset, {
            dictionary,
            script: locale === 'cn' ? 'simplified' : 'traditional',
            service: this.services.readings,
            system: this.options.readings,
          })
        : undefined;
    const cards = found?.cards.map((card, i) => (i === 0 && this.options.readings !== 'pinyin' ? { ...card, reading: { system: this.options.readings, syllables: found.reading } } : card));
    this.post({
      type: 'lookupResult',
      source: this.source,
      id: message.id,
      block: message.block,
      column: message.column,
      start: found?.start ?? message.offset,
      end: found?.end ?? message.offset,
      cards: cards ?? [],
    });
  }

  private post(message: ToWebviewMessage): void {
    if (this.ready) {
      void this.panel.webview.postMessage(message);
      this.posted.fire(message);
      this.pageShowsBlocks ||= message.type === 'render';
    }
  }

  /**
   * Renders the whole document — a short one a chunk per message, a long one as outlines and its first
   * screen — and abandons an older render or edit. Starts while the webview page loads; the first
   * message waits for it. A long text's first screen goes from the first slice of the reflow, if the
   * page is ready before the rest is reflowed.
   */
  private async renderAll(): Promise<void> {
    const generation = ++this.generation;
    this.awaitingFirstPost = true;
    try {
      await this.renderDocument(generation);
    } catch (error) {
      // The page's next 'ready' must be able to start a render again.
      this.awaitingFirstPost = false;
      void this.services.problems.error(vscode.l10n.t('The reader could not show {0}: {1}', this.fileName(), error instanceof Error ? error.message : String(error)));
    }
  }

  private async renderDocument(generation: number): Promise<void> {
    const direction = { from: this.options.from, to: this.options.to } as Direction;
    // Independent: the phrase file and the glossaries load at once.
    const [overrides, matcher] = await Promise.all([this.services.overrides.forDocument(this.document, direction), this.services.glossaries.termMatcher()]);
    // With readings on, the known-word layer is ready before the first paint, so readings never flip;
    // with them off, CC-CEDICT is not loaded at all.
    const readings = this.options.pinyin ? await this.rubyReading() : undefined;
    const learnerWords = this.options.markNewWords || (this.options.pinyin && this.options.readingsUnknownOnly) ? await this.learnerWords() : undefined;
    if (generation !== this.generation) {
      return;
    }
    // Word segmentation is prepared shortly after a Simplified document comes into view; a panel opened
    // before that waits for it here (0.5–0.8 s, once) rather than show characters that then change.
    const convert = this.services.converter.converterFor(direction, overrides, segmentationSetting(this.document));
    // Edits from here on are measured against this text; until its model is ready there is none to patch.
    this.model = undefined;
    this.pendingEdit = undefined;
    const version = this.document.version;
    const text = this.document.getText();
    this.takeNoteRanges();
    const decorator = new ReaderBlockDecorator(matcher, readings, direction, () => this.noteRanges, this.options.showLineBreaks, learnerWords && {
      ...learnerWords,
      marks: this.options.markNewWords,
      rubyUnknownOnly: this.options.pinyin && this.options.readingsUnknownOnly,
    });
    const model = new ReaderModel(convert, this.options.showLineBreaks, decorator.decorate);
    this.decorator = decorator;
    let firstScreenBlocks = 0;
    this.firstScreen = undefined;
    // A page showing the document already keeps it until the render is done (its place in it too);
    // a new or reloaded page gets the first screen before the rest is reflowed.
    const emptyPage = !this.pageShowsBlocks;
    const reflowed = await reflowInSlices(text, async (blocks, settled) => {
      if (firstScreenBlocks === 0 && emptyPage && settled > 0 && text.length > LONG_DOCUMENT_CHARACTERS) {
        // Posted now, or by the page's 'ready' if it is still loading.
        firstScreenBlocks = settled;
        model.reset(text, blocks.slice(0, settled));
        this.firstScreen = this.outlineMessage(model, generation, version, 0, false, FIRST_SCREEN);
        if (this.ready) {
          this.postFirstScreen();
        }
      }
      // With the first screen ready, the rest waits for the page: on two cores, reflowing on took
      // the CPU the page needed to load (its 'ready' came 0.7 s later at 20 MB).
      if (this.firstScreen && !this.ready) {
        return this.webviewReady(generation);
      }
      await new Promise((resolve) => setImmediate(resolve));
      return generation === this.generation;
    });
    if (!reflowed || !(await this.webviewReady(generation))) {
      return;
    }
    // Not posted (the page was not ready before the reflow ended), posted to a page since reloaded, or a
    // reflow that changed those blocks: from the start.
    const sentEarly =
      firstScreenBlocks > 0 && !this.firstScreen && this.firstScreenPage === this.pageLoads && reflowed[firstScreenBlocks - 1] === model.sourceBlocks[firstScreenBlocks - 1];
    this.firstScreen = undefined;
    const total = model.reset(text, reflowed);
    this.model = model;
    this.modelGeneration = generation;
    this.lazy = isLongDocument(total, text.length);
    if (this.lazy) {
      // The outline of every block (after those sent early) and the first screenful; the panel asks
      // for the rest as it scrolls.
      this.post(this.outlineMessage(model, generation, version, sentEarly ? firstScreenBlocks : 0, true, REQUEST_CHUNK));
      this.awaitingFirstPost = false;
      this.renderedVersion = version;
      void this.postReadingLevel();
      if (this.document.version !== version) {
        this.scheduleUpdate();
      }
      return;
    }
    const large = text.length > 4 * RENDER_CHUNK;
    const work = async (progress?: vscode.Progress<{ increment: number }>) => {
      for (;;) {
        const chunk = model.renderNext(RENDER_CHUNK);
        this.post({
          type: 'render',
          source: this.source,
          version,
          renderId: generation,
          options: this.options,
          start: chunk.start,
          blocks: chunk.blocks,
          done: chunk.done,
          total,
          cards: decorator.takeNewCards(),
        });
        progress?.report({ increment: (chunk.blocks.length * 100) / Math.max(1, total) });
        if (chunk.done) {
          this.renderedVersion = version;
          void this.postReadingLevel();
          return;
        }
        // Let the extension host breathe between chunks; stop if something newer started.
        await new Promise((resolve) => setImmediate(resolve));
        if (generation !== this.generation) {
          return;
        }
      }
    };
    if (large) {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Rendering reader') }, work);
    } else {
      await work();
    }
    if (generation === this.generation && this.document.version !== this.renderedVersion) {
      this.scheduleUpdate();
    }
  }

  /**
   * A long document's render message: outlines of blocks `start` on, with the blocks of about `budget`
   * characters from the top rendered among them when `start` is 0.
   */
  private outlineMessage(model: ReaderModel, renderId: number, version: number, start: number, done: boolean, budget: number): ToWebviewMessage {
    const first = start === 0 ? model.renderRange(0, model.length, budget).blocks : [];
    return {
      type: 'render',
      source: this.source,
      version,
      renderId,
      options: this.options,
      start,
      blocks: first,
      done,
      total: model.length,
      cards: this.decorator?.takeNewCards() ?? {},
      outlines: encodeOutlines(model.outlines(start)),
    };
  }

  /** Posts the first screen of a long text prepared during its reflow, if there is one. */
  private postFirstScreen(): void {
    if (this.firstScreen) {
      this.post(this.firstScreen);
      this.firstScreen = undefined;
      this.firstScreenPage = this.pageLoads;
      this.awaitingFirstPost = false;
    }
  }

  /** Resolves once the webview page is ready for messages, to whether render `generation` is still the latest. */
  private async webviewReady(generation: number): Promise<boolean> {
    if (!this.ready) {
      await new Promise<void>((resolve) => this.readyWaiters.push(resolve));
    }
    this.awaitingFirstPost = false;
    return generation === this.generation && !this.disposed;
  }

  /** The learner's words of a text and their statuses, for the marks; undefined (no marks) when CC-CEDICT cannot load. */
  private async learnerWords(): Promise<Pick<LearnerMarks, 'words' | 'statusOf'> | undefined> {
    const learner = this.services.learner;
    try {
      const [sources] = await Promise.all([learner.wordSources(), learner.statuses.ready()]);
      return { words: (text) => articleWords(text, sources), statusOf: (key) => learner.statuses.statusOf(key) };
    } catch (error) {
      if (!this.toldDictionaryFailed) {
        this.toldDictionaryFailed = true;
        void this.services.problems.error(vscode.l10n.t('Could not load CC-CEDICT for the readings: {0}', error instanceof Error ? error.message : String(error)));
      }
      return undefined;
    }
  }

  /** Posts the article's reading level for the toolbar (with new words marked). */
  private async postReadingLevel(): Promise<void> {
    // A novel's level takes the extension host about 0.6 s a megabyte (npm run bench): not at every
    // render; Reading Level of This Article gives it on demand.
    if (!this.options.markNewWords || this.document.getText().length > LONG_DOCUMENT_CHARACTERS) {
      return;
    }
    const level = await this.services.learner.level(this.document).catch(() => undefined);
    if (level && this.options.markNewWords) {
      this.post({
        type: 'readingLevel',
        source: this.source,
        text: vscode.l10n.t('{0}% known · {1} new · {2} learning', knownPercent(level), level.newWords, level.learningWords),
        summary: readingLevelSummary(this.fileName(), level),
      });
    }
  }

  private async rubyReading(): Promise<RubyReading> {
    const reading = { service: this.services.readings, system: this.options.readings };
    try {
      return { ...reading, dictionary: await this.services.glossaries.dictionary() };
    } catch (error) {
      // Without CC-CEDICT the readings are still read in context and with the glossaries. Said once
      // per panel: every render would otherwise say it again.
      if (!this.toldDictionaryFailed) {
        this.toldDictionaryFailed = true;
        void this.services.problems.error(vscode.l10n.t('Could not load CC-CEDICT for the readings: {0}', error instanceof Error ? error.message : String(error)));
      }
      return reading;
    }
  }

  /**
   * Renders blocks [start, end) of a long document for the panel, a message per REQUEST_CHUNK
   * characters; gives up when the document or the rendering changed meanwhile (the panel asks again).
   */
  private async sendBlocks(version: number, start: number, end: number): Promise<void> {
    const model = this.model;
    for (let from = start; model && from < end; ) {
      if (model !== this.model || version !== this.renderedVersion) {
        return;
      }
      const chunk = model.renderRange(from, end, REQUEST_CHUNK);
      if (chunk.blocks.length === 0) {
        return;
      }
      this.post({ type: 'blocks', source: this.source, version, start: chunk.start, blocks: chunk.blocks, cards: this.decorator?.takeNewCards() ?? {} });
      from = chunk.start + chunk.blocks.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Find in the panel over every block, rendered or not (blocks not rendered are converted for it),
   * in slices; a newer search or an edit abandons it (the panel searches again after a patch).
   */
  private async find(message: Extract<FromWebviewMessage, { type: 'find' }>): Promise<void> {
    const model = this.model;
    this.findId = message.id;
    if (!model || message.version !== this.renderedVersion) {
      return;
    }
    const current = () => model === this.model && this.findId === message.id && this.renderedVersion === message.version;
    const found = await findInBlocks(model.length, (index, column) => model.columnText(index, column), message.query, message.columns, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return current();
    });
    if (found && current()) {
      this.post({ type: 'findResult', source: this.source, id: message.id, version: message.version, ...found });
    }
  }

  /** The first change renders at once; further changes within COALESCE_MS are merged into one update. */
  private scheduleUpdate(): void {
    if (this.updateTimer) {
      this.updatePending = true;
      return;
    }
    this.update();
    this.updateTimer = setTimeout(() => {
      this.updateTimer = undefined;
      if (this.updatePending) {
        this.updatePending = false;
        this.scheduleUpdate();
      }
    }, COALESCE_MS);
  }

  private update(): void {
    const model = this.model;
    const version = this.document.version;
    if (!this.ready || !model || !this.canPatch(model) || version === this.renderedVersion) {
      return;
    }
    this.takeNoteRanges();
    const { outlines, ...patch } = model.update(this.document.getText(), this.pendingEdit, this.lazy);
    this.pendingEdit = undefined;
    this.renderedVersion = version;
    // Posted even when no block changed (a space the reflow drops): the panel's version must follow,
    // or its block requests, searches and selections would be refused as about an older text.
    this.post({
      type: 'patch',
      source: this.source,
      version,
      ...patch,
      cards: this.decorator?.takeNewCards() ?? {},
      ...(outlines ? { outlines: encodeOutlines(outlines) } : {}),
    });
  }

  private notesChanged(): void {
    const before = this.noteRanges;
    this.takeNoteRanges();
    const touched = changedNoteRanges(before, this.noteRanges);
    if (touched.length === 0) {
      return;
    }
    if (!this.ready || !this.model || !this.canPatch(this.model) || this.document.version !== this.renderedVersion) {
      void this.renderAll();
      return;
    }
    this.rerenderNotes(touched);
  }

  /** Renders again the blocks overlapping `ranges` of the current text (their notes changed). */
  private rerenderNotes(ranges: readonly TextRange[]): void {
    const model = this.model;
    if (!this.ready || !model || !this.canPatch(model) || this.document.version !== this.renderedVersion) {
      return;
    }
    this.takeNoteRanges();
    for (const patch of model.rerenderOverlapping(ranges)) {
      this.post({ type: 'patch', source: this.source, version: this.renderedVersion, ...patch, cards: this.decorator?.takeNewCards() ?? {} });
    }
  }

  /** Whether edits can be patched into the panel: it has every block, rendered or (a long document) outlined. */
  private canPatch(model: ReaderModel): boolean {
    return this.lazy || model.complete;
  }

  private takeNoteRanges(): void {
    const notes = this.services.annotations.loaded(this.document.uri);
    this.noteRanges = (notes?.set.all ?? []).filter((p) => p.range).map((p) => ({ id: p.annotation.id, range: p.range!, review: p.placement.review }));
  }

  /** A selection in either column becomes a range of the source; the Simplified column maps back through the offset map. */
  private async annotateSelection(index: number, column: 'original' | 'converted', start: number, end: number): Promise<void> {
    const block = this.model?.sourceBlocks[index];
    const rendered = this.model?.block(index);
    if (!block || !rendered) {
      return;
    }
    let from = start;
    let to = end;
    if (column === 'converted') {
      const map = OffsetMap.between(rendered.original, rendered.converted);
      from = map.toOriginal(start);
      to = map.toOriginal(end);
    }
    const range = this.options.showLineBreaks
      ? { start: block.startOffset + from, end: block.startOffset + to }
      : blockTextToSourceRange(block, { start: from, end: to });
    if (!range || range.end <= range.start) {
      return;
    }
    await this.services.annotate(this.document, range);
  }

  private async revealInEditor(line: number): Promise<void> {
    const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.source);
    const position = new vscode.Position(Math.min(line, this.document.lineCount - 1), 0);
    const editor = await vscode.window.showTextDocument(this.document, {
      viewColumn: existing?.viewColumn ?? vscode.ViewColumn.One,
      selection: new vscode.Range(position, position),
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private scrollEditors(line: number): void {
    const whole = Math.floor(line);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === this.source) {
        this.ignoreEditorScrollUntil = Date.now() + SCROLL_GUARD_MS;
        const position = new vscode.Position(Math.min(whole, editor.document.lineCount - 1), 0);
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
      }
    }
  }
}

function readerLabels(): Record<string, string> {
  return {
    title: vscode.l10n.t('Bilingual Reader'),
    toolbar: vscode.l10n.t('Reader options'),
    blocks: vscode.l10n.t('Article and conversion'),
    'toolbar.layout': vscode.l10n.t('Layout'),
    'toolbar.direction': vscode.l10n.t('Conversion'),
    'toolbar.markChanges': vscode.l10n.t('Mark changed characters'),
    'toolbar.showLineBreaks': vscode.l10n.t('Original line breaks'),
    'toolbar.pinyin': vscode.l10n.t('Readings'),
    'toolbar.readings': vscode.l10n.t('Reading system'),
    ...Object.fromEntries(READING_SYSTEMS.map((system) => [`readings.${system}`, readingSystemLabel(system)])),
    'toolbar.annotate': vscode.l10n.t('Annotate selection'),
    'toolbar.markNewWords': vscode.l10n.t('New words'),
    'toolbar.readingsUnknownOnly': vscode.l10n.t('Readings on new words only'),
    'toolbar.markPageKnown': vscode.l10n.t('Mark page as known'),
    'word.card': vscode.l10n.t('Word status'),
    'word.status': vscode.l10n.t('Status'),
    ...Object.fromEntries(WORD_STATUSES.map((status) => [`word.${status}`, wordStatusLabel(status)])),
    'word.speak': vscode.l10n.t('Read the sentence aloud'),
    'find.label': vscode.l10n.t('Find in panel'),
    'find.previous': vscode.l10n.t('Previous'),
    'find.next': vscode.l10n.t('Next'),
    'find.close': vscode.l10n.t('Close'),
    'find.count': vscode.l10n.t('{0} of {1}'),
    'find.none': vscode.l10n.t('No results'),
    'find.searching': vscode.l10n.t('Searching…'),
    'text.shortened': vscode.l10n.t('{0} more combining marks on this character are not shown (the document is unchanged).'),
    'note.review': vscode.l10n.t('This note was placed by an approximate match of its text after the article changed: check it, then confirm or re-attach it (Annotations view).'),
    'card.source': vscode.l10n.t('Source'),
    'card.more': vscode.l10n.t('+{0} more:'),
    'layout.sideBySide': vscode.l10n.t('Side by side'),
    'layout.interlinear': vscode.l10n.t('Interlinear'),
    'layout.convertedOnly': vscode.l10n.t('Converted only'),
    'layout.translation': vscode.l10n.t('Translation'),
    'toolbar.translate': vscode.l10n.t('Translate'),
    'translation.region': vscode.l10n.t('Translation column'),
    'translation.field': vscode.l10n.t('Translation of segment {0}'),
    'translation.state': vscode.l10n.t('Status of segment {0}'),
    'state.initial': vscode.l10n.t('Not started'),
    'state.draft': vscode.l10n.t('Draft'),
    'state.translated': vscode.l10n.t('Translated'),
    'state.reviewed': vscode.l10n.t('Reviewed'),
    'translation.sourceChanged': vscode.l10n.t('Source changed — review'),
    'translation.notSaved': vscode.l10n.t('Not saved: the text is kept here. Edit it or press Tab to try again.'),
    'translation.page': vscode.l10n.t('Segments {0}–{1} of {2}'),
    'translation.previousPage': vscode.l10n.t('Previous segments'),
    'translation.nextPage': vscode.l10n.t('Next segments'),
    'translation.progress': vscode.l10n.t('{0} of {1} segments done · {2} of {3} characters ({4}%)'),
    'translation.terms': vscode.l10n.t('Glossary'),
    'translation.matches': vscode.l10n.t('Memory'),
    'translation.noHelp': vscode.l10n.t('No glossary terms or memory matches for this segment.'),
    'translation.insertTerm': vscode.l10n.t('Insert "{0}" (Alt+{1})'),
    'translation.insertMatch': vscode.l10n.t('Insert this translation (Ctrl+{0})'),
    'translation.keys': vscode.l10n.t('Tab / Shift+Tab: next / previous segment · Ctrl+Enter: translated, next · Ctrl+Shift+Enter: reviewed, next · Alt+1–9: insert a glossary rendering · Ctrl+1–9: insert a memory match · Escape: to the status'),
    'translation.empty': vscode.l10n.t('This document has no sentences to translate.'),
    'translation.orphans': vscode.l10n.t('{0} translations whose sentence is no longer in the article (kept in the translation file)'),
  };
}

function readerFont(document: vscode.TextDocument): { family: string; size: number } {
  const config = vscode.workspace.getConfiguration('bilingualReader', document);
  return { family: config.get<string>('reader.fontFamily', ''), size: config.get<number>('reader.fontSize', 0) };
}

/** The ranges of notes that were added, removed, moved or (un)flagged between two lists: old and new places. */
function changedNoteRanges(before: NoteRanges, after: NoteRanges): TextRange[] {
  const key = (n: NoteRanges[number]) => `${n.range.start}:${n.range.end}:${n.review}`;
  const old = new Map(before.map((n) => [n.id, n]));
  const now = new Map(after.map((n) => [n.id, n]));
  const touched: TextRange[] = [];
  for (const [id, n] of old) {
    const m = now.get(id);
    if (!m || key(m) !== key(n)) {
      touched.push(n.range, ...(m ? [m.range] : []));
    }
  }
  for (const [id, m] of now) {
    if (!old.has(id)) {
      touched.push(m.range);
    }
  }
  return touched;
}
