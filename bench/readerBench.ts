import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ChineseConverter } from '../src/core/conversion/chineseConverter';
import { ReaderModel } from '../src/core/reader/readerModel';
import { articleOfSize, nowMs, summarize } from './stats';

/**
 * Extension side of a one-character edit on a 1 MB article: what ReaderPanel.update does between
 * the change event and postMessage — reflow, patch, conversion of the changed block — plus the
 * serialisation of the patch message.
 */
export function readerEditExtensionSide(article: string, runs = 200): ReturnType<typeof summarize> {
  const convert = new ChineseConverter().converterFor({ from: 'hk', to: 'cn' });
  let text = articleOfSize(article, 1_000_000);
  const model = new ReaderModel(convert, false);
  model.reset(text);
  while (!model.renderNext(64 * 1024).done) {
    // first render, not measured
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Edits spread over the document, as typing would land anywhere.
    const at = text.indexOf('，', Math.floor(((i * 7919) % 1000) / 1000 * text.length)) + 1;
    text = text.slice(0, at) + '漢' + text.slice(at);
    const start = nowMs();
    const patch = model.update(text);
    JSON.stringify({ type: 'patch', source: 'file:///a.txt', version: i, ...patch });
    samples.push(nowMs() - start);
  }
  return summarize(samples);
}

/** Writes a 1 MB copy of the article into a fresh folder, for the end-to-end run. */
export function oneMegabyteWorkspace(article: string): { folder: string; file: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'br-bench-'));
  const file = path.join(folder, 'article-1mb.txt');
  fs.writeFileSync(file, articleOfSize(article, 1_000_000));
  return { folder, file };
}
