import type { RenderedBlock } from '../protocol/readerMessages';

/**
 * Characters that reorder the text around them (Trojan-source style). They are shown as visible
 * badges instead of being obeyed, so an article cannot make one passage look like another.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Builds a block's row. All article text goes in as text nodes, never as HTML. */
export function createBlockElement(block: RenderedBlock, index: number, markChanges: boolean): HTMLElement {
  const row = document.createElement('div');
  row.className = `block block-${block.kind}`;
  row.tabIndex = 0;
  row.dataset.index = String(index);
  setLines(row, block);
  const original = document.createElement('div');
  original.className = 'cell original';
  original.lang = 'zh-Hant';
  appendText(original, block.original, []);
  const converted = document.createElement('div');
  converted.className = 'cell converted';
  converted.lang = 'zh-Hans';
  appendText(converted, block.converted, markChanges ? block.changed : []);
  row.append(original, converted);
  return row;
}

export function setLines(row: HTMLElement, block: Pick<RenderedBlock, 'startLine' | 'endLine'>): void {
  row.dataset.startLine = String(block.startLine);
  row.dataset.endLine = String(block.endLine);
}

function appendText(cell: HTMLElement, text: string, changed: readonly (readonly [number, number])[]): void {
  let last = 0;
  for (const [start, end] of changed) {
    if (start > last) {
      appendPlain(cell, text.slice(last, start));
    }
    const mark = document.createElement('mark');
    mark.className = 'changed';
    appendPlain(mark, text.slice(start, end));
    cell.append(mark);
    last = end;
  }
  if (last < text.length) {
    appendPlain(cell, text.slice(last));
  }
}

function appendPlain(parent: HTMLElement, text: string): void {
  let last = 0;
  for (const match of text.matchAll(BIDI_CONTROLS)) {
    parent.append(document.createTextNode(text.slice(last, match.index)));
    const badge = document.createElement('span');
    badge.className = 'control-char';
    badge.textContent = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    parent.append(badge);
    last = match.index + match[0].length;
  }
  parent.append(document.createTextNode(last === 0 ? text : text.slice(last)));
}
