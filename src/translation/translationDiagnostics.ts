import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { CheckFinding } from '../core/translation/qualityChecks';
import type { AlignedSegment } from '../core/translation/segmentTranslations';
import type { GlossaryService } from '../glossary/glossaryService';
import { Disposable } from '../util/dispose';
import type { SegmentAlignments } from './segmentAlignments';
import { targetLanguage } from './targetLanguage';
import type { TranslationStore } from './translationStore';

/** Edits pause this long (ms) before a document's translations are checked again. */
const SETTLE_MS = 400;
const SOURCE = 'Bilingual Reader';

/**
 * The translation checks (qualityChecks.ts) of every open document that has translations, as
 * diagnostics in the Problems panel on each segment's source range (source `Bilingual Reader`, code
 * the check's kind; a translated segment left empty is an error, the rest warnings), with a quick fix
 * that shows the segment in the reader panel. Checked again when the document, its translations or
 * the glossaries change. A translation file that cannot be read gives no diagnostics here: the
 * commands that use it say why.
 */
export class TranslationDiagnostics extends Disposable implements vscode.CodeActionProvider {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('bilingualReader.translation'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The segment each diagnostic is about, for its quick fix. */
  private readonly segments = new WeakMap<vscode.Diagnostic, number>();

  constructor(
    private readonly store: TranslationStore,
    private readonly alignments: SegmentAlignments,
    private readonly glossaries: GlossaryService,
  ) {
    super();
    this.register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
    this.register(store.onDidChange((uri) => this.schedule(uri, 0)));
    // A translation file changed by something else (another window, git): every open document again.
    this.register(alignments.onDidChange(() => vscode.workspace.textDocuments.forEach((d) => this.schedule(d.uri))));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document.uri)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.schedule(e.document.uri)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)));
    this.register(glossaries.onDidChange(() => vscode.workspace.textDocuments.forEach((d) => this.schedule(d.uri))));
    this.register(vscode.languages.registerCodeActionsProvider({ pattern: '**' }, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
    vscode.workspace.textDocuments.forEach((d) => this.schedule(d.uri));
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE);
    if (ours.length === 0) {
      return [];
    }
    const action = new vscode.CodeAction(vscode.l10n.t('Show the Segment in the Reader Panel'), vscode.CodeActionKind.QuickFix);
    action.diagnostics = ours;
    const segment = this.segments.get(ours[0]!);
    action.command = { command: CommandId.TranslateInReader, title: action.title, arguments: [{ uri: document.uri, ...(segment !== undefined ? { segment } : {}) }] };
    return [action];
  }

  private schedule(uri: vscode.Uri, delay = SETTLE_MS): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
        if (document) {
          void this.refresh(document);
        }
      }, delay),
    );
  }

  private async refresh(document: vscode.TextDocument): Promise<void> {
    if (!this.store.fileFor(document.uri)) {
      return;
    }
    // Most documents have no translations: known from the file alone, before anything is reflowed.
    const translated = await this.store.read(document.uri).then(
      (stored) => stored.translations.length > 0,
      () => false,
    );
    const aligned = translated ? await this.alignments.forDocument(document).catch(() => undefined) : undefined;
    if (!aligned) {
      this.collection.delete(document.uri);
      return;
    }
    const matcher = await this.glossaries.termMatcher().catch(() => undefined);
    // Ranges are placed in the text the alignment was made of: an edit since schedules another check.
    if (document.isClosed || aligned.version !== document.version) {
      return;
    }
    const findings = this.alignments.findings(aligned, matcher, aligned.targetLanguage ?? targetLanguage(document));
    this.collection.set(
      document.uri,
      findings.map((finding) => {
        const result = diagnostic(document, aligned.segments[finding.segment]!, finding);
        this.segments.set(result, finding.segment);
        return result;
      }),
    );
  }
}

function diagnostic(document: vscode.TextDocument, segment: AlignedSegment, finding: CheckFinding): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(segment.range.start), document.positionAt(segment.range.end));
  const result = new vscode.Diagnostic(range, checkMessage(finding, segment), finding.kind === 'empty' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  result.source = SOURCE;
  result.code = finding.kind;
  return result;
}

/** What a check found, said to the user (Problems panel and translation column). */
export function checkMessage(finding: CheckFinding, segment: AlignedSegment): string {
  switch (finding.kind) {
    case 'term':
      return vscode.l10n.t('The glossary renders {0} as {1}: none of these is in the translation.', finding.detail, (finding.expected ?? []).map((e) => `"${e}"`).join(', '));
    case 'number':
      return vscode.l10n.t('{0} in the source is not in the translation.', finding.detail);
    case 'empty':
      return vscode.l10n.t('Segment {0} is marked {1} but has no translation.', segment.index, segment.translation?.state ?? '');
    case 'inconsistent':
      return vscode.l10n.t('The same sentence is translated otherwise in segment {0}.', finding.detail);
    case 'han':
      return vscode.l10n.t('Chinese characters left in the translation: {0}', finding.detail);
  }
}
