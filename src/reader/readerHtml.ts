import * as vscode from 'vscode';
import type { ReaderBootstrap } from '../protocol/readerMessages';

/** The panel's page: a strict CSP (nonce'd script, no inline handlers), data passed as an escaped attribute. */
export function readerHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bootstrap: ReaderBootstrap): string {
  const media = vscode.Uri.joinPath(extensionUri, 'media');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'reader.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'reader.css'));
  const nonce = createNonce();
  const data = escapeAttribute(JSON.stringify(bootstrap));
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; font-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${escapeText(bootstrap.labels['title'] ?? '')}</title>
</head>
<body data-layout="sideBySide">
<div class="toolbar" role="toolbar" aria-label="${escapeAttribute(bootstrap.labels['toolbar'] ?? '')}">
<label><span data-label="toolbar.layout"></span><select id="layout"></select></label>
<label><span data-label="toolbar.direction"></span><select id="direction"></select></label>
<label><input type="checkbox" id="markChanges"><span data-label="toolbar.markChanges"></span></label>
<label><input type="checkbox" id="showLineBreaks"><span data-label="toolbar.showLineBreaks"></span></label>
<label><input type="checkbox" id="pinyin"><span data-label="toolbar.pinyin"></span></label>
<label><span class="visually-hidden" data-label="toolbar.readings"></span><select id="readings"></select></label>
<label><input type="checkbox" id="markNewWords"><span data-label="toolbar.markNewWords"></span></label>
<label><input type="checkbox" id="readingsUnknownOnly"><span data-label="toolbar.readingsUnknownOnly"></span></label>
<button type="button" id="markPageKnown" data-label="toolbar.markPageKnown" hidden></button>
<span id="level" role="status" hidden></span>
<button type="button" id="annotate" data-label="toolbar.annotate"></button>
<button type="button" id="translate" aria-pressed="false" data-label="toolbar.translate"></button>
<span id="progress" role="status" hidden></span>
<div id="find" class="find" role="search" hidden>
<input type="search" id="find-input" aria-label="${escapeAttribute(bootstrap.labels['find.label'] ?? '')}" placeholder="${escapeAttribute(bootstrap.labels['find.label'] ?? '')}">
<span id="find-status" role="status" aria-live="polite"></span>
<button type="button" id="find-previous" data-label="find.previous"></button>
<button type="button" id="find-next" data-label="find.next"></button>
<button type="button" id="find-close" data-label="find.close"></button>
</div>
</div>
<main id="blocks" aria-label="${escapeAttribute(bootstrap.labels['blocks'] ?? '')}"></main>
<section id="translation" role="region"></section>
<div id="card" class="card" role="tooltip" hidden></div>
<div id="word-card" class="card word-card" hidden></div>
<div id="reader-data" hidden data-bootstrap="${data}"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function createNonce(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
