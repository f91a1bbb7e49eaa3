import * as vscode from 'vscode';
import { Direction, LOCALES, parseDirection } from '../core/conversion/locales';
import { pickDirection } from '../conversion/directionLabels';

/**
 * The direction for a command: `{ from, to }` from its arguments, or the user's pick when there
 * are none. Malformed arguments get a clear message rather than a guess.
 */
export async function directionFromArgument(argument: unknown, title: string): Promise<Direction | undefined> {
  if (argument === undefined || argument instanceof vscode.Uri) {
    // Menus pass the document's URI: that is not a direction, so ask.
    return pickDirection(title);
  }
  const direction = parseDirection(argument);
  if (!direction) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Bilingual Reader: expected arguments {0} with two different locales among {1}; got {2}.',
        '{ "from": …, "to": … }',
        LOCALES.join(', '),
        JSON.stringify(argument) ?? String(argument),
      ),
    );
  }
  return direction;
}

export function noEditorMessage(): void {
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a text editor to convert its text.'));
}
