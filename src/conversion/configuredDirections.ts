import * as vscode from 'vscode';
import { isSegmentation, Segmentation } from '../core/conversion/chineseConverter';
import { Direction, isLocale, Locale } from '../core/conversion/locales';

/** The Traditional variant the user's Traditional text is in (`bilingualReader.sourceVariant`). */
export function sourceVariant(scope?: vscode.ConfigurationScope): Locale {
  return traditionalSetting('sourceVariant', scope);
}

/** Traditional text converts to Simplified; Simplified text to the Traditional variant of the user's choice. */
export function readerDirection(simplifiedSource: boolean, scope?: vscode.ConfigurationScope): Direction {
  return simplifiedSource ? { from: 'cn', to: traditionalSetting('reader.traditionalVariant', scope) } : { from: sourceVariant(scope), to: 'cn' };
}

/** A setting naming a Traditional locale; a malformed or Simplified value falls back to Hong Kong. */
function traditionalSetting(key: string, scope?: vscode.ConfigurationScope): Locale {
  const value = vscode.workspace.getConfiguration('bilingualReader', scope).get<string>(key, 'hk');
  return isLocale(value) && value !== 'cn' ? value : 'hk';
}

/** How conversions cut words (`bilingualReader.conversion.segmentation`); a malformed value is the default, `jieba`. */
export function segmentationSetting(scope?: vscode.ConfigurationScope): Segmentation {
  const value = vscode.workspace.getConfiguration('bilingualReader', scope).get<unknown>('conversion.segmentation', 'jieba');
  return isSegmentation(value) ? value : 'jieba';
}
