import * as vscode from 'vscode';
import { uriArgument, uriBasename } from '../util/uris';
import type { ProblemReporter } from '../util/problemReporter';

/**
 * Where an export goes: the command's `target` argument (a URI or a path), or the file the user picks
 * in a save dialog that offers `<document name>.<suffix>` beside the document; undefined when the
 * user cancels.
 */
export async function exportTarget(target: unknown, document: vscode.Uri, suffix: string, filters?: Record<string, string[]>): Promise<vscode.Uri | undefined> {
  return uriArgument(target) ?? (await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(document, '..', `${uriBasename(document)}.${suffix}`), filters }));
}

/** A format an export offers, as its quick pick shows it. */
export type FormatChoice<F extends string> = vscode.QuickPickItem & { readonly format: F };

/**
 * The format of an export: `value` (the command's `format` argument) when it is one of `choices`, or
 * the one the user picks without it; undefined after refusing another value (with a message naming
 * the formats) or when the user cancels.
 */
export async function exportFormat<F extends string>(value: unknown, choices: readonly FormatChoice<F>[], title: string, problems: ProblemReporter): Promise<F | undefined> {
  if (value === undefined) {
    return (await vscode.window.showQuickPick(choices, { title }))?.format;
  }
  const chosen = choices.find((c) => c.format === value);
  if (!chosen) {
    void problems.error(vscode.l10n.t('Unknown export format {0}: use {1}.', String(value), choices.map((c) => `"${c.format}"`).join(', ')));
  }
  return chosen?.format;
}
