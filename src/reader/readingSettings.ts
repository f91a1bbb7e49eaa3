import * as vscode from 'vscode';
import { isReadingSystem, isToneColorScheme, ReadingSystem, ToneColorScheme } from '../core/readings/readingSystem';

/**
 * `bilingualReader.readings` and `bilingualReader.toneColors`; a malformed value falls back to the
 * default. (Not `bilingualReader.readings.toneColors`: a setting cannot be both a value and the prefix of
 * another, VS Code would ignore one of them.)
 */
export function readingSettings(scope?: vscode.ConfigurationScope): { readings: ReadingSystem; toneColors: ToneColorScheme } {
  const config = vscode.workspace.getConfiguration('bilingualReader', scope);
  const readings = config.get<string>('readings', 'pinyin');
  const toneColors = config.get<string>('toneColors', 'standard');
  return { readings: isReadingSystem(readings) ? readings : 'pinyin', toneColors: isToneColorScheme(toneColors) ? toneColors : 'standard' };
}

/** The name of a reading system, as a label ("Pinyin", "Jyutping"). */
export function readingSystemLabel(system: ReadingSystem): string {
  switch (system) {
    case 'pinyin':
      return vscode.l10n.t('Pinyin');
    case 'jyutping':
      return vscode.l10n.t('Jyutping');
    case 'zhuyin':
      return vscode.l10n.t('Zhuyin');
    case 'pinyin+jyutping':
      return vscode.l10n.t('Pinyin + Jyutping');
  }
}
