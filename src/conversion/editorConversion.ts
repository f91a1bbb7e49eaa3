import * as vscode from 'vscode';
import { ChineseConverter } from '../core/conversion/chineseConverter';
import { convertInChunks, ConversionResult } from '../core/conversion/chunkedConversion';
import { Direction } from '../core/conversion/locales';
import { ScriptDetector } from '../core/detection/scriptDetector';
import { segmentationSetting } from './configuredDirections';
import { directionLabel } from './directionLabels';
import { PhraseOverridesProvider } from './phraseOverridesProvider';

/** What a conversion command did; returned to callers (keybindings, tasks, tests). */
export interface ConversionOutcome {
  readonly direction: Direction;
  /** Number of replaced spans; 0 when the text was already in the target form. */
  readonly replacements: number;
  /** Set when nothing was applied, and why. */
  readonly skipped?: 'readonly' | 'cancelled' | 'changed' | 'no-editor';
  readonly warnings: readonly string[];
}

interface Target {
  readonly range: vscode.Range;
  readonly text: string;
}

/**
 * Runs conversions on editors: every non-empty selection (multi-cursor), or the whole document
 * when nothing is selected. Only the characters that change are replaced, in one undoable edit.
 */
export class EditorConversion {
  private readonly warnedDocuments = new Set<string>();

  constructor(
    private readonly converter: ChineseConverter,
    private readonly detector: ScriptDetector,
    private readonly overrides: PhraseOverridesProvider,
  ) {}

  async applyToEditor(editor: vscode.TextEditor, direction: Direction): Promise<ConversionOutcome> {
    const document = editor.document;
    if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false) {
      this.reportReadonly(document);
      return { direction, replacements: 0, skipped: 'readonly', warnings: [] };
    }
    const version = document.version;
    const targets = this.targets(editor);
    const warnings = this.checkRegion(document, targets, direction);
    const results = await this.convertTargets(document, targets, direction);
    if (!results) {
      return { direction, replacements: 0, skipped: 'cancelled', warnings };
    }
    if (document.version !== version) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The document changed while it was being converted; nothing was replaced. Run the conversion again.'),
      );
      return { direction, replacements: 0, skipped: 'changed', warnings };
    }
    const edits = targets.flatMap((target, i) => {
      const base = document.offsetAt(target.range.start);
      return (results[i]?.replacements ?? []).map(
        (r) => new vscode.TextEdit(new vscode.Range(document.positionAt(base + r.start), document.positionAt(base + r.end)), r.text),
      );
    });
    if (edits.length === 0) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Already {0}: nothing to convert.', directionLabel(direction)), 3000);
      return { direction, replacements: 0, warnings };
    }
    const applied = await editor.edit(
      (builder) => {
        for (const edit of edits) {
          builder.replace(edit.range, edit.newText);
        }
      },
      { undoStopBefore: true, undoStopAfter: true },
    );
    if (!applied) {
      this.reportReadonly(document);
      return { direction, replacements: 0, skipped: 'readonly', warnings };
    }
    return { direction, replacements: edits.length, warnings };
  }

  /** The converted text of the selections (joined by line breaks) or of the whole document. */
  async convertedText(editor: vscode.TextEditor, direction: Direction): Promise<string | undefined> {
    const targets = this.targets(editor);
    this.checkRegion(editor.document, targets, direction);
    const results = await this.convertTargets(editor.document, targets, direction);
    return results?.map((r) => r.text).join(editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
  }

  private targets(editor: vscode.TextEditor): Target[] {
    const document = editor.document;
    const selected = editor.selections
      .filter((s) => !s.isEmpty)
      .sort((a, b) => a.start.compareTo(b.start))
      .map((range) => ({ range: new vscode.Range(range.start, range.end), text: document.getText(range) }));
    if (selected.length > 0) {
      return selected;
    }
    const text = document.getText();
    return [{ range: new vscode.Range(document.positionAt(0), document.positionAt(text.length)), text }];
  }

  private async convertTargets(
    document: vscode.TextDocument,
    targets: readonly Target[],
    direction: Direction,
  ): Promise<ConversionResult[] | undefined> {
    const overrides = await this.overrides.forDocument(document, direction);
    const segmentation = segmentationSetting(document);
    const total = targets.reduce((sum, t) => sum + t.text.length, 0);
    const threshold = vscode.workspace.getConfiguration('bilingualReader', document).get<number>('largeDocumentThreshold', 2_000_000);
    const convertAll = async (token?: vscode.CancellationToken, progress?: vscode.Progress<{ increment: number }>) => {
      // Building a converter (and loading jieba, unless it was loaded in idle time) can take a fraction
      // of a second the first time; it happens here, inside the progress.
      const convert = this.converter.converterFor(direction, overrides, segmentation);
      const results: ConversionResult[] = [];
      for (const target of targets) {
        let reported = 0;
        const result = await convertInChunks(target.text, convert, {
          token,
          onProgress: (done) => {
            const share = (done * target.text.length * 100) / Math.max(1, total);
            progress?.report({ increment: share - reported });
            reported = share;
          },
        });
        if (!result) {
          return undefined;
        }
        results.push(result);
      }
      return results;
    };
    if (total < threshold) {
      return convertAll();
    }
    return vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Converting {0}', directionLabel(direction)),
        cancellable: true,
      },
      (progress, token) => convertAll(token, progress),
    );
  }

  /** tw2sp rewrites Taiwan vocabulary (執行 → 运行); on Hong Kong text that corrupts words like 首席執行官. */
  private checkRegion(document: vscode.TextDocument, targets: readonly Target[], direction: Direction): string[] {
    if (direction.from !== 'twp' || this.warnedDocuments.has(document.uri.toString())) {
      return [];
    }
    const profile = this.detector.detect(targets.map((t) => t.text).join('\n'));
    if (!profile.hongKongLike) {
      return [];
    }
    this.warnedDocuments.add(document.uri.toString());
    const warning = vscode.l10n.t(
      'This text looks like Hong Kong Chinese, but the conversion treats it as Taiwan usage with phrases: words such as 首席執行官 may come out wrong (首席运行官). Consider Traditional (Hong Kong) → Simplified instead.',
    );
    void vscode.window.showWarningMessage(warning);
    return ['hong-kong-text-taiwan-phrases'];
  }

  private reportReadonly(document: vscode.TextDocument): void {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        '{0} is read-only, so it cannot be converted in place. Use "Convert into New Editor" or "Copy Converted Text" instead.',
        vscode.workspace.asRelativePath(document.uri),
      ),
    );
  }
}
