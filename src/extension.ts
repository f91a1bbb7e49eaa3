import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { AnnotationDecorations } from './annotations/annotationDecorations';
import { AnnotationManager } from './annotations/annotationManager';
import { AnnotationsTreeView } from './annotations/annotationsTreeView';
import { AddToGlossaryCommand } from './commands/addToGlossaryCommand';
import { AnnotateCommand } from './commands/annotateCommand';
import { DeleteAnnotationCommand } from './commands/deleteAnnotationCommand';
import { EditAnnotationCommand } from './commands/editAnnotationCommand';
import { ExportAnnotationsCommand } from './commands/exportAnnotationsCommand';
import { ConfirmAnnotationPlacementCommand } from './commands/confirmAnnotationPlacementCommand';
import { ListSegmentsCommand } from './commands/listSegmentsCommand';
import { TranslateSegmentCommand } from './commands/translateSegmentCommand';
import { ExportTranslationCommand } from './commands/exportTranslationCommand';
import { ImportTranslationCommand } from './commands/importTranslationCommand';
import { TranslateInReaderCommand } from './commands/translateInReaderCommand';
import { SetWordStatusCommand } from './commands/setWordStatusCommand';
import { ReadingLevelCommand } from './commands/readingLevelCommand';
import { MarkPageKnownCommand } from './commands/markPageKnownCommand';
import { ExportVocabularyCommand } from './commands/exportVocabularyCommand';
import { ExportWordStatusesCommand, ImportWordStatusesCommand } from './commands/wordStatusesFileCommands';
import { WORD_STATUSES_FILE, WordStatusStore } from './learning/wordStatusStore';
import { LearnerService } from './learning/learnerService';
import { ReadingLevelItem } from './status/readingLevelItem';
import { VocabularyTreeView } from './learning/vocabularyTreeView';
import { OpenPdfCommand } from './commands/openPdfCommand';
import { OpenSampleCommand } from './commands/openSampleCommand';
import { wordStatusLabel } from './learning/readingLevelText';
import { TranslationStore } from './translation/translationStore';
import { TranslationDiagnostics } from './translation/translationDiagnostics';
import { SegmentAlignments } from './translation/segmentAlignments';
import { TranslationMemoryService } from './translation/translationMemoryService';
import { TranslationProgressItem } from './status/translationProgressItem';
import { ReattachAnnotationCommand } from './commands/reattachAnnotationCommand';
import { GoToAnnotationCommand } from './commands/goToAnnotationCommand';
import { ConvertCommand, ConvertInDirectionCommand } from './commands/convertCommand';
import { ConvertToNewEditorCommand } from './commands/convertToNewEditorCommand';
import { CopyConvertedCommand } from './commands/copyConvertedCommand';
import { ExportTermsCommand } from './commands/exportTermsCommand';
import { ListTermsCommand } from './commands/listTermsCommand';
import { OpenReaderCommand } from './commands/openReaderCommand';
import { ChineseConverter } from './core/conversion/chineseConverter';
import type { Direction } from './core/conversion/locales';
import { ScriptDetector, ScriptKind } from './core/detection/scriptDetector';
import { ReadingService } from './core/readings/readingService';
import { PhraseOverrides } from './core/conversion/phraseOverrides';
import { readerDirection, segmentationSetting, sourceVariant } from './conversion/configuredDirections';
import { SegmenterWarmUp } from './conversion/segmenterWarmUp';
import { EditorConversion } from './conversion/editorConversion';
import { PhraseOverridesProvider } from './conversion/phraseOverridesProvider';
import { GlossaryHoverProvider } from './glossary/glossaryHoverProvider';
import { GlossaryService } from './glossary/glossaryService';
import { TermDecorations } from './glossary/termDecorations';
import { ReaderPanel } from './reader/readerPanel';
import { ReaderPanelManager } from './reader/readerPanelManager';
import { ScriptStatusBarItem } from './status/scriptStatusBarItem';
import { ProblemReporter } from './util/problemReporter';

/** What the extension gives other extensions and its tests. */
export interface BilingualReaderApi {
  /** The reader panel open on a document, if any. */
  readerPanelFor(uri: vscode.Uri): ReaderPanel | undefined;
  /** Converts text with OpenCC, e.g. `{ from: 'hk', to: 'cn' }`, segmented as `bilingualReader.conversion.segmentation` says; the same engine the commands use (without phrase overrides). */
  convertText(text: string, direction: Direction): string;
  /** Where the learner's word statuses are kept (the extension's global storage), for tools and tests. */
  readonly wordStatusesFile: vscode.Uri;
}

/**
 * Activation only wires things up: OpenCC and its dictionaries load on the first conversion or
 * script detection, never here.
 */
export function activate(context: vscode.ExtensionContext): BilingualReaderApi {
  const log = vscode.window.createOutputChannel('Bilingual Reader', { log: true });
  context.subscriptions.push(log);
  const problems = new ProblemReporter(log);
  const converter = new ChineseConverter(undefined, (error) => {
    log.error('Word segmentation (jieba) could not be loaded; converting without it.', error);
    void problems.warn(vscode.l10n.t('Word segmentation (jieba) could not be loaded, so conversions use plain OpenCC matching. See the Bilingual Reader output for details.'));
  });
  const detector = new ScriptDetector(converter.cache);
  const glossaries = new GlossaryService(context.extensionUri, problems, (text) => converter.convert(text, { from: 't', to: 'cn' }));
  const overrides = new PhraseOverridesProvider(glossaries, converter, problems);
  const conversion = new EditorConversion(converter, detector, overrides);
  // The one source of readings: the reader's ruby, the exports, the Annotations view and new glossary entries.
  const readings = new ReadingService(
    (text) => converter.convert(text, { from: sourceVariant(), to: 'cn' }),
    // Word by word (jieba) when segmentation is on, or 被发明 would read 被髮明, fà.
    (text) => converter.convert(text, { from: 'cn', to: 'hk' }, PhraseOverrides.none, segmentationSetting()),
  );
  // A Traditional document in view: build its Simplified converter (a few MB) before it is asked for.
  // A Simplified one: load word segmentation and build the reader's converter in idle time.
  const segmenterWarmUp = new SegmenterWarmUp(() => {
    if (segmentationSetting() !== 'jieba') {
      return false;
    }
    converter.converterFor(readerDirection(true), PhraseOverrides.none, 'jieba');
    return true;
  });
  const warmUp = (kind: ScriptKind, document: vscode.TextDocument) => {
    if (kind !== 'none') {
      // Hovers and the reader need the glossaries' matcher (about 0.35 s to build, once), the reader
      // its phrase overrides (the folder's phrase file, the glossary's renderings for its direction:
      // 0.25 s): ready before they ask. Failures are reported when they are used.
      glossaries.termMatcher().catch(() => undefined);
      overrides.forDocument(document, readerDirection(kind === 'simplified', document)).catch(() => undefined);
    }
    if (kind === 'traditional') {
      void converter.cache.get({ from: sourceVariant(), to: 'cn' });
    } else if ((kind === 'simplified' || kind === 'mixed') && segmentationSetting() === 'jieba') {
      segmenterWarmUp.request();
    }
  };
  context.subscriptions.push(overrides, glossaries, segmenterWarmUp, new ScriptStatusBarItem(detector, warmUp), new GlossaryHoverProvider(glossaries, readings, detector), new TermDecorations(glossaries));

  const named: [CommandId, () => Direction][] = [
    [CommandId.ToSimplified, () => ({ from: sourceVariant(), to: 'cn' })],
    [CommandId.ToTraditional, () => ({ from: 'cn', to: 't' })],
    [CommandId.ToTraditionalHK, () => ({ from: 'cn', to: 'hk' })],
    [CommandId.ToTraditionalTW, () => ({ from: 'cn', to: 'tw' })],
    [CommandId.ToTraditionalTWPhrases, () => ({ from: 'cn', to: 'twp' })],
  ];
  // The notes own the edit stream: panels hear of an edit (onDidEditDocument) after the notes moved.
  const annotations = new AnnotationManager(context.storageUri, problems);
  stopping.add(() => annotations.flush());
  context.subscriptions.push(annotations, new AnnotationDecorations(annotations), new AnnotationsTreeView(annotations, readings, glossaries));
  const annotate = new AnnotateCommand(annotations, converter);
  const translations = new TranslationStore();
  const alignments = new SegmentAlignments(translations);
  // Sources are matched in Simplified, so a sentence finds units made on the other script.
  const memory = new TranslationMemoryService(translations, (text) => converter.convert(text, { from: 't', to: 'cn' }), problems, log);
  context.subscriptions.push(translations, alignments, memory, new TranslationDiagnostics(translations, alignments, glossaries), new TranslationProgressItem(translations, alignments));
  // The learner's statuses are the user's, in every workspace: global storage, carried by Settings Sync.
  const wordStatuses = new WordStatusStore(context.globalStorageUri, context.globalState, problems);
  // hk → cn: Hong Kong variant characters too (衞生 and 衛生 are one word), on top of t → cn.
  const learner = new LearnerService(context.extensionUri, glossaries, wordStatuses, (text) => converter.convert(text, { from: 'hk', to: 'cn' }));
  stopping.add(() => wordStatuses.flush());
  context.subscriptions.push(wordStatuses, learner, new ReadingLevelItem(learner, detector), new VocabularyTreeView({ learner, glossaries, readings, converter }, detector, wordStatusLabel));
  const readers = new ReaderPanelManager({
    extensionUri: context.extensionUri,
    converter,
    detector,
    overrides,
    glossaries,
    readings,
    annotations,
    problems,
    annotate: (document, range) => annotate.annotateRange(document, range),
    translations,
    alignments,
    memory,
    learner,
  });
  context.subscriptions.push(readers);
  const openReader = new OpenReaderCommand(readers, problems);
  const convert = new ConvertCommand(conversion);
  const toNewEditor = new ConvertToNewEditorCommand(conversion);
  const copy = new CopyConvertedCommand(conversion);
  const addToGlossary = new AddToGlossaryCommand(glossaries, converter, readings, problems);
  const listTerms = new ListTermsCommand(glossaries);
  const exportTerms = new ExportTermsCommand(glossaries);
  const editAnnotation = new EditAnnotationCommand(annotations);
  const deleteAnnotation = new DeleteAnnotationCommand(annotations);
  const goToAnnotation = new GoToAnnotationCommand(annotations);
  const exportAnnotations = new ExportAnnotationsCommand(annotations, glossaries, converter, readings);
  const confirmPlacement = new ConfirmAnnotationPlacementCommand(annotations);
  const listSegments = new ListSegmentsCommand(alignments, problems);
  const translateSegment = new TranslateSegmentCommand(translations, problems);
  const importTranslation = new ImportTranslationCommand(translations, alignments, problems);
  const exportTranslation = new ExportTranslationCommand(translations, alignments, detector, problems, String(context.extension.packageJSON.version ?? ''));
  const translateInReader = new TranslateInReaderCommand(readers, alignments, problems);
  const reattach = new ReattachAnnotationCommand(annotations);
  const setWordStatus = new SetWordStatusCommand(learner, problems);
  const readingLevel = new ReadingLevelCommand(learner, problems);
  const markPageKnown = new MarkPageKnownCommand(learner, problems);
  const exportVocabulary = new ExportVocabularyCommand({ learner, glossaries, readings, converter }, problems);
  const exportWordStatuses = new ExportWordStatusesCommand(wordStatuses, problems);
  const importWordStatuses = new ImportWordStatusesCommand(wordStatuses, problems);
  const openPdf = new OpenPdfCommand(problems);
  const openSample = new OpenSampleCommand(context.extensionUri);
  context.subscriptions.push(
    vscode.commands.registerCommand(ConvertCommand.id, (arg?: unknown) => convert.execute(arg)),
    vscode.commands.registerCommand(ConvertToNewEditorCommand.id, (arg?: unknown) => toNewEditor.execute(arg)),
    vscode.commands.registerCommand(CopyConvertedCommand.id, (arg?: unknown) => copy.execute(arg)),
    vscode.commands.registerCommand(OpenReaderCommand.id, (arg?: unknown) => openReader.execute(arg)),
    vscode.commands.registerCommand(AddToGlossaryCommand.id, (arg?: unknown) => addToGlossary.execute(arg)),
    vscode.commands.registerCommand(ListTermsCommand.id, () => listTerms.execute()),
    vscode.commands.registerCommand(ExportTermsCommand.id, (arg?: unknown) => exportTerms.execute(arg)),
    vscode.commands.registerCommand(AnnotateCommand.id, (arg?: unknown) => annotate.execute(arg)),
    vscode.commands.registerCommand(EditAnnotationCommand.id, (arg?: unknown) => editAnnotation.execute(arg)),
    vscode.commands.registerCommand(DeleteAnnotationCommand.id, (arg?: unknown) => deleteAnnotation.execute(arg)),
    vscode.commands.registerCommand(GoToAnnotationCommand.id, (arg?: unknown) => goToAnnotation.execute(arg)),
    vscode.commands.registerCommand(ExportAnnotationsCommand.id, (arg?: unknown) => exportAnnotations.execute(arg)),
    vscode.commands.registerCommand(ConfirmAnnotationPlacementCommand.id, (arg?: unknown) => confirmPlacement.execute(arg)),
    vscode.commands.registerCommand(ReattachAnnotationCommand.id, (arg?: unknown) => reattach.execute(arg)),
    vscode.commands.registerCommand(ListSegmentsCommand.id, (arg?: unknown) => listSegments.execute(arg)),
    vscode.commands.registerCommand(TranslateSegmentCommand.id, (arg?: unknown) => translateSegment.execute(arg)),
    vscode.commands.registerCommand(ExportTranslationCommand.id, (arg?: unknown) => exportTranslation.execute(arg)),
    vscode.commands.registerCommand(ImportTranslationCommand.id, (arg?: unknown) => importTranslation.execute(arg)),
    vscode.commands.registerCommand(TranslateInReaderCommand.id, (arg?: unknown) => translateInReader.execute(arg)),
    vscode.commands.registerCommand(SetWordStatusCommand.id, (arg?: unknown) => setWordStatus.execute(arg)),
    vscode.commands.registerCommand(ReadingLevelCommand.id, (arg?: unknown) => readingLevel.execute(arg)),
    vscode.commands.registerCommand(MarkPageKnownCommand.id, (arg?: unknown) => markPageKnown.execute(arg)),
    vscode.commands.registerCommand(ExportVocabularyCommand.id, (arg?: unknown) => exportVocabulary.execute(arg)),
    vscode.commands.registerCommand(ExportWordStatusesCommand.id, (arg?: unknown) => exportWordStatuses.execute(arg)),
    vscode.commands.registerCommand(ImportWordStatusesCommand.id, (arg?: unknown) => importWordStatuses.execute(arg)),
    vscode.commands.registerCommand(OpenPdfCommand.id, (arg?: unknown) => openPdf.execute(arg)),
    vscode.commands.registerCommand(OpenSampleCommand.id, () => openSample.execute()),
    ...named.map(([id, direction]) => {
      const command = new ConvertInDirectionCommand(id, direction, conversion);
      return vscode.commands.registerCommand(command.id, () => command.execute());
    }),
  );
  return {
    readerPanelFor: (uri) => readers.panelFor(uri),
    convertText: (text, direction) => converter.convert(text, direction, PhraseOverrides.none, segmentationSetting()),
    wordStatusesFile: vscode.Uri.joinPath(context.globalStorageUri, WORD_STATUSES_FILE),
  };
}

/**
 * Work that must finish before the extension host stops (disposables cannot wait): pending sidecar
 * writes, and notes that exist only in memory going to workspace storage. Module state because
 * deactivate() receives nothing from activate(), as in VS Code's language-client samples.
 */
const stopping = new Set<() => Promise<void>>();

export async function deactivate(): Promise<void> {
  // Everything else is released through context.subscriptions.
  await Promise.all([...stopping].map((stop) => stop().catch(() => undefined)));
  stopping.clear();
}
