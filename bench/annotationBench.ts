import { randomUUID } from 'crypto';
import { Annotation, selectorsFor } from '../src/core/annotations/annotation';
import { AnnotationSet } from '../src/core/annotations/annotationSet';
import { SidecarCodec } from '../src/core/annotations/sidecar';
import { articleOfSize, nowMs, summarize } from './stats';

/** A deterministic pseudo-random sequence, so that every run measures the same edits. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Loading 1,000 notes on a 1 MB article after about 1% of it changed outside VS Code: the sidecar
 * is parsed and checked against the schema, and every note re-anchored (position, quote or fuzzy).
 */
export function annotationReanchor(article: string, runs = 7): ReturnType<typeof summarize> & { anchored: number; orphans: number } {
  const next = random(42);
  const original = articleOfSize(article, 1_000_000);
  const annotations: Annotation[] = [];
  for (let i = 0; i < 1000; i++) {
    const start = Math.floor(next() * (original.length - 20));
    const range = { start, end: start + 2 + Math.floor(next() * 10) };
    const now = new Date(0).toISOString();
    annotations.push({ id: randomUUID(), created: now, modified: now, body: { note: `note ${i}`, tags: [] }, target: { selector: selectorsFor(original, range) } });
  }
  const codec = new SidecarCodec();
  const sidecar = codec.write(original, 'article.txt', annotations);
  // About 1% of the characters change: 100 edits spread over the text, each replacing ~36 characters.
  let changed = original;
  for (let i = 0; i < 100; i++) {
    const at = Math.floor(next() * (changed.length - 40));
    changed = changed.slice(0, at) + '改寫'.repeat(1 + Math.floor(next() * 30)) + changed.slice(at + Math.floor(next() * 40));
  }
  const samples: number[] = [];
  let result = { anchored: 0, orphans: 0 };
  for (let i = 0; i < runs; i++) {
    const start = nowMs();
    const read = codec.read(sidecar);
    if (!read.ok) {
      throw new Error(read.problem);
    }
    const set = new AnnotationSet();
    result = set.load(read.sidecar.annotations, changed);
    samples.push(nowMs() - start);
  }
  return { ...summarize(samples), ...result };
}

/**
 * A git pull while the article is open, as VS Code reports it: every changed line replaced whole in
 * one change event (a fifth of the lines of a 350,000-character article, one character each), with
 * 1,000 notes following (moved, or looked for again where their line was replaced).
 */
export function annotationsFollowReload(article: string, runs = 7): ReturnType<typeof summarize> & { placedAgain: number } {
  const next = random(7);
  let text = '';
  while (text.length < 350_000) {
    text += article;
  }
  text = text.slice(0, 350_000);
  const now = new Date(0).toISOString();
  const annotations: Annotation[] = [];
  for (let i = 0; i < 1000; i++) {
    const start = Math.floor(next() * (text.length - 20));
    annotations.push({ id: randomUUID(), created: now, modified: now, body: { note: `note ${i}`, tags: [] }, target: { selector: selectorsFor(text, { start, end: start + 6 + Math.floor(next() * 10) }) } });
  }
  const changes: { offset: number; length: number; text: string }[] = [];
  const lines: string[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    let replaced = line;
    if (line.length > 10 && next() < 0.2) {
      const k = Math.floor(line.length / 2);
      replaced = line.slice(0, k) + '之' + line.slice(k + 1);
      changes.push({ offset, length: line.length, text: replaced });
    }
    lines.push(replaced);
    offset += line.length + 1;
  }
  const changed = lines.join('\n');
  const samples: number[] = [];
  let placedAgain = 0;
  for (let i = 0; i < runs; i++) {
    const set = new AnnotationSet();
    set.load(annotations, text);
    const start = nowMs();
    placedAgain = set.applyChanges(changes, changed).placedAgain.length;
    samples.push(nowMs() - start);
  }
  return { ...summarize(samples), placedAgain };
}
