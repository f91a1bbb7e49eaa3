import * as vscode from 'vscode';

/** The language translations of `document` are in (BCP 47), from `bilingualReader.translation.targetLanguage`; `en` when it is not a tag. */
export function targetLanguage(document: vscode.TextDocument): string {
  const value = vscode.workspace.getConfiguration('bilingualReader', document).get<string>('translation.targetLanguage', 'en');
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value) ? value : 'en';
}
