import * as vscode from 'vscode';
import { Direction, Locale } from '../core/conversion/locales';

export function localeLabel(locale: Locale): string {
  switch (locale) {
    case 'cn':
      return vscode.l10n.t('Simplified (Mainland China)');
    case 'hk':
      return vscode.l10n.t('Traditional (Hong Kong)');
    case 'hkp':
      return vscode.l10n.t('Traditional (Hong Kong, with phrases)');
    case 'tw':
      return vscode.l10n.t('Traditional (Taiwan)');
    case 'twp':
      return vscode.l10n.t('Traditional (Taiwan, with phrases)');
    case 't':
      return vscode.l10n.t('Traditional (OpenCC standard)');
    case 'jp':
      return vscode.l10n.t('Japanese Shinjitai');
  }
}

export function directionLabel(direction: Direction): string {
  return vscode.l10n.t('{0} → {1}', localeLabel(direction.from), localeLabel(direction.to));
}

/** The directions offered in the QuickPick, most used first. */
export const PICKABLE_DIRECTIONS: readonly Direction[] = [
  { from: 'hk', to: 'cn' },
  { from: 'tw', to: 'cn' },
  { from: 'twp', to: 'cn' },
  { from: 't', to: 'cn' },
  { from: 'cn', to: 't' },
  { from: 'cn', to: 'hk' },
  { from: 'cn', to: 'tw' },
  { from: 'cn', to: 'twp' },
  { from: 'hk', to: 'tw' },
  { from: 'tw', to: 'hk' },
  { from: 'hkp', to: 'cn' },
  { from: 'cn', to: 'hkp' },
  { from: 'jp', to: 't' },
  { from: 't', to: 'jp' },
];

/** Asks which way to convert; undefined when the user dismisses the pick. */
export async function pickDirection(title: string): Promise<Direction | undefined> {
  const items = PICKABLE_DIRECTIONS.map((direction) => ({
    label: directionLabel(direction),
    description: `${direction.from} → ${direction.to}`,
    direction,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Choose a conversion'),
    matchOnDescription: true,
  });
  return picked?.direction;
}
