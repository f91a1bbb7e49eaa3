import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { Annotation, selectorsFor } from '../../src/core/annotations/annotation';
import { DocumentNotes } from '../../src/core/annotations/documentNotes';
import { SidecarCodec } from '../../src/core/annotations/sidecar';
import { SidecarFileSystem, SidecarStore } from '../../src/core/annotations/sidecarStore';
import { UnwrittenNotes } from '../../src/core/annotations/unwrittenNotes';
import { isTemporaryOf } from '../../src/core/files/atomicWrite';

/**
 * An in-memory file system with what the store must respect: folders, symbolic links and read-only
 * files at the sidecar path, modification times, and writes that fail. Paths are `/`-separated strings.
 */
class MemoryFileSystem implements SidecarFileSystem<string> {
  readonly files = new Map<string, { text: string; mtime: number; readOnly?: boolean; link?: boolean }>();
  readonly folders = new Set<string>();
  /** Writes that fail before one succeeds. */
  failWrites = 0;
  /** Reads that fail (the file is there but cannot be read: permissions, a failing disk). */
  failReads = 0;
  /** Run after the next read of a file: something happening while the store awaits it. */
  afterRead: ((file: string) => void) | undefined;

  put(path: string, text: string, extra: { mtime?: number; readOnly?: boolean; link?: boolean } = {}): void {
    this.files.set(path, { text, mtime: extra.mtime ?? Date.now(), readOnly: extra.readOnly, link: extra.link });
  }
  text(path: string): string | undefined {
    return this.files.get(path)?.text;
  }
  key(file: string): string {
    return file;
  }
  async readText(file: string): Promise<string | undefined> {
    if (this.folders.has(file)) {
      throw new Error('EISDIR');
    }
    if (this.failReads > 0 && this.files.has(file)) {
      this.failReads--;
      throw new Error('EACCES');
    }
    const text = this.files.get(file)?.text;
    const after = this.afterRead;
    this.afterRead = undefined;
    after?.(file);
    return text;
  }
  async obstacle(file: string): Promise<string | undefined> {
    const entry = this.files.get(file);
    return this.folders.has(file) ? 'a folder' : entry?.link ? 'a link' : entry?.readOnly ? 'read-only' : undefined;
  }
  async siblings(file: string): Promise<{ name: string; file: string; mtime: number }[]> {
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    return [...this.files.entries()].filter(([p]) => p.startsWith(folder) && !p.slice(folder.length).includes('/')).map(([p, e]) => ({ name: p.slice(folder.length), file: p, mtime: e.mtime }));
  }
  async move(from: string, to: string): Promise<void> {
    if (this.files.has(to) || this.folders.has(to)) {
      throw new Error('EEXIST');
    }
    this.files.set(to, this.files.get(from)!);
    this.files.delete(from);
  }
  async copy(from: string, to: string): Promise<void> {
    if (this.files.has(to)) {
      throw new Error('EEXIST');
    }
    this.files.set(to, { ...this.files.get(from)! });
  }
  async createParent(): Promise<void> {}
  child(folder: string, name: string): string {
    return `${folder}/${name}`;
  }
  sourcePath(_sidecar: string, document: string): string {
    return this.basename(document);
  }
  async writeFile(file: string, data: Uint8Array): Promise<void> {
    if (this.failWrites > 0) {
      this.failWrites--;
      throw new Error('disk full');
    }
    this.put(file, new TextDecoder().decode(data));
  }
  async rename(from: string, to: string): Promise<void> {
    // As VS Code's file service does: the target is deleted, then the file renamed.
    this.files.delete(to);
    this.files.set(to, this.files.get(from)!);
    this.files.delete(from);
  }
  async delete(file: string): Promise<void> {
    this.files.delete(file);
  }
  sibling(file: string, name: string): string {
    return file.slice(0, file.lastIndexOf('/') + 1) + name;
  }
  basename(file: string): string {
    return file.slice(file.lastIndexOf('/') + 1);
  }
}

const ARTICLE = '美國商務部周二宣布收緊對華先進晶片出口管制，涉及多家中國企業。中方表示堅決反對。';
const DOCUMENT = '/ws/article.txt';
const SIDECAR = '/ws/article.txt.annotations.json';
const codec = new SidecarCodec();

function note(quote: string, text = 'n', modified = '2026-11-30T00:00:00.000Z'): Annotation {
  const at = ARTICLE.indexOf(quote);
  return { id: randomUUID(), created: modified, modified, body: { note: text, tags: [] }, target: { selector: selectorsFor(ARTICLE, { start: at, end: at + quote.length }) } };
}

function setUp(existing: readonly Annotation[] = []): { fs: MemoryFileSystem; store: SidecarStore<string>; notes: DocumentNotes<string> } {
  const fs = new MemoryFileSystem();
  if (existing.length > 0) {
    fs.put(SIDECAR, codec.write(ARTICLE, 'article.txt', existing));
  }
  return { fs, store: new SidecarStore(fs, codec, { retryDelayMs: 1 }), notes: new DocumentNotes(DOCUMENT, SIDECAR) };
}

const saved = () => ARTICLE;
const onDisk = (fs: MemoryFileSystem) => {
  const read = codec.read(fs.text(SIDECAR)!);
  assert.ok(read.ok);
  return read.sidecar.annotations.map((a) => a.body.note).sort();
};

suite('sidecar store, in plain Node (issue 12)', () => {
  test('what is written loads back; the notes are no longer pending', async () => {
    const { store, notes } = setUp();
    const a = note('出口管制');
    notes.set.add(a, { start: ARTICLE.indexOf('出口管制'), end: ARTICLE.indexOf('出口管制') + 4 });
    notes.markChanged();
    assert.deepStrictEqual(await store.write(notes, saved), { kind: 'written' });
    assert.strictEqual(notes.pending, false);
    const again = new DocumentNotes(DOCUMENT, SIDECAR);
    assert.strictEqual((await store.load(again, () => ARTICLE)).kind, 'ok');
    assert.deepStrictEqual(again.set.all.map((p) => p.annotation.id), [a.id]);
  });

  test("another writer's note, written just before this write, survives it", async () => {
    const mine = note('出口管制', 'mine');
    const { fs, store, notes } = setUp([mine]);
    await store.load(notes, () => ARTICLE);
    // The other window writes between this window's last read and its next write.
    fs.put(SIDECAR, codec.write(ARTICLE, 'article.txt', [mine, note('堅決反對', 'theirs')]));
    notes.set.update({ ...mine, body: { note: 'mine, edited', tags: [] }, modified: '2026-11-30T02:00:00.000Z' });
    assert.strictEqual((await store.write(notes, saved)).kind, 'written');
    assert.deepStrictEqual(onDisk(fs), ['mine, edited', 'theirs']);
  });

  test('a note edited here and deleted elsewhere is kept', async () => {
    const mine = note('出口管制', 'mine');
    const { fs, store, notes } = setUp([mine]);
    await store.load(notes, () => ARTICLE);
    fs.put(SIDECAR, codec.write(ARTICLE, 'article.txt', []));
    notes.set.update({ ...mine, body: { note: 'edited here', tags: [] }, modified: '2026-11-30T02:00:00.000Z' });
    await store.write(notes, saved);
    assert.deepStrictEqual(onDisk(fs), ['edited here']);
  });

  for (const [what, arrange] of [
    ['a folder', (fs: MemoryFileSystem) => fs.folders.add(SIDECAR)],
    ['a read-only file', (fs: MemoryFileSystem) => fs.put(SIDECAR, codec.write(ARTICLE, 'article.txt', []), { readOnly: true })],
    ['a symbolic link', (fs: MemoryFileSystem) => fs.put(SIDECAR, codec.write(ARTICLE, 'article.txt', []), { link: true })],
  ] as const) {
    test(`${what} at the sidecar path is left as it is, and the write is blocked`, async () => {
      const { fs, store, notes } = setUp();
      arrange(fs);
      const before = fs.text(SIDECAR);
      notes.set.add(note('出口管制'), { start: ARTICLE.indexOf('出口管制'), end: ARTICLE.indexOf('出口管制') + 4 });
      const outcome = await store.write(notes, saved);
      assert.strictEqual(outcome.kind, 'blocked');
      assert.strictEqual(fs.text(SIDECAR), before);
      assert.strictEqual(notes.set.all.length, 1);
    });
  }

  test('notes the schema would refuse are not written', async () => {
    const existing = note('出口管制');
    const { fs, store, notes } = setUp([existing]);
    await store.load(notes, () => ARTICLE);
    const before = fs.text(SIDECAR);
    notes.set.update({ ...existing, body: { note: 'x', tags: [''] }, modified: '2026-11-30T03:00:00.000Z' });
    assert.strictEqual((await store.write(notes, saved)).kind, 'failed');
    assert.strictEqual(fs.text(SIDECAR), before);
  });

  test('a sidecar broken on disk since it was read is not written over', async () => {
    const { fs, store, notes } = setUp([note('出口管制')]);
    await store.load(notes, () => ARTICLE);
    fs.put(SIDECAR, '{ "version": 1, ');
    const outcome = await store.write(notes, saved);
    assert.strictEqual(outcome.kind, 'broken');
    assert.strictEqual(fs.text(SIDECAR), '{ "version": 1, ');
    assert.ok(notes.blocked);
  });

  test('a broken sidecar gets one backup copy, however often it is opened', async () => {
    const { fs, store, notes } = setUp();
    fs.put(SIDECAR, '{ broken');
    assert.strictEqual((await store.load(notes, () => ARTICLE)).kind, 'broken');
    const first = await store.backUp(notes, '{ broken');
    const second = await store.backUp(notes, '{ broken');
    assert.strictEqual(first, second);
    assert.strictEqual([...fs.files.keys()].filter((p) => p.includes('.backup-')).length, 1);
    fs.put(SIDECAR, '{ broken differently');
    await store.backUp(notes, '{ broken differently');
    assert.strictEqual([...fs.files.keys()].filter((p) => p.includes('.backup-')).length, 2);
  });

  test('a sidecar lost mid-write is recovered from its temporary file; stale temporaries are cleaned up', async () => {
    const { fs, store, notes } = setUp();
    const content = codec.write(ARTICLE, 'article.txt', [note('出口管制', 'recovered')]);
    fs.put('/ws/.article.txt.annotations.json.abc123.tmp', content);
    assert.strictEqual((await store.load(notes, () => ARTICLE)).kind, 'ok');
    assert.deepStrictEqual(onDisk(fs), ['recovered']);
    fs.put('/ws/.article.txt.annotations.json.old.tmp', 'junk', { mtime: Date.now() - 3_600_000 });
    fs.put('/ws/.article.txt.annotations.json.new.tmp', 'in flight');
    await store.read(notes, true);
    const left = [...fs.files.keys()].filter((p) => isTemporaryOf(p.slice(4), 'article.txt.annotations.json'));
    assert.deepStrictEqual(left, ['/ws/.article.txt.annotations.json.new.tmp']);
  });

  test('failed writes are retried; when all fail the notes stay and the outcome says why', async () => {
    const { fs, store, notes } = setUp();
    notes.set.add(note('出口管制'), { start: ARTICLE.indexOf('出口管制'), end: ARTICLE.indexOf('出口管制') + 4 });
    fs.failWrites = 2;
    assert.strictEqual((await store.write(notes, saved)).kind, 'written');
    fs.failWrites = 10;
    notes.markChanged();
    assert.deepStrictEqual(await store.write(notes, saved), { kind: 'failed', message: 'disk full' });
    assert.strictEqual(notes.set.all.length, 1);
    assert.strictEqual(notes.pending, true);
  });

  test('unsaved article text: the write waits for the save', async () => {
    const { fs, store, notes } = setUp();
    notes.set.add(note('出口管制'), { start: 0, end: 4 });
    assert.strictEqual((await store.write(notes, () => undefined)).kind, 'waiting');
    assert.strictEqual(fs.text(SIDECAR), undefined);
  });

  test("a change on disk is merged unless it is this window's own write", async () => {
    const mine = note('出口管制', 'mine');
    const { fs, store, notes } = setUp([mine]);
    await store.load(notes, () => ARTICLE);
    assert.strictEqual(await store.mergeFromDisk(notes, () => ARTICLE), 0);
    fs.put(SIDECAR, codec.write(ARTICLE, 'article.txt', [mine, note('堅決反對', 'theirs')]));
    assert.strictEqual(await store.mergeFromDisk(notes, () => ARTICLE), 1);
    assert.strictEqual(notes.set.all.length, 2);
  });

  test('a sidecar that is there but cannot be read is never written over', async () => {
    const theirs = note('堅決反對', 'theirs');
    const { fs, store, notes } = setUp([theirs]);
    const before = fs.text(SIDECAR);
    fs.failReads = 1;
    assert.strictEqual((await store.load(notes, () => ARTICLE)).kind, 'unreadable');
    fs.failReads = 10;
    notes.set.add(note('出口管制', 'mine'), { start: ARTICLE.indexOf('出口管制'), end: ARTICLE.indexOf('出口管制') + 4 });
    notes.markChanged();
    assert.strictEqual((await store.write(notes, saved)).kind, 'failed');
    assert.strictEqual(fs.text(SIDECAR), before, 'their note is still on disk');
    fs.failReads = 0;
    assert.strictEqual((await store.write(notes, saved)).kind, 'written');
    assert.deepStrictEqual(onDisk(fs), ['mine', 'theirs']);
  });

  test('an edit while the write reads the file: the notes are described against the text they are on', async () => {
    const { fs, store, notes } = setUp();
    let text = ARTICLE;
    const at = ARTICLE.indexOf('堅決反對');
    notes.set.add(note('堅決反對', 'mine'), { start: at, end: at + 4 });
    notes.markChanged();
    // While the store awaits the read, the user types at the start (notes move), then undoes to the saved text.
    fs.afterRead = () => {
      text = '插' + ARTICLE;
      notes.set.applyChanges([{ offset: 0, length: 0, text: '插' }], text);
      notes.markChanged();
    };
    assert.strictEqual((await store.write(notes, () => (text === ARTICLE ? text : undefined))).kind, 'waiting', 'unsaved text: nothing written');
    assert.strictEqual(notes.pending, true);
    text = ARTICLE;
    notes.set.applyChanges([{ offset: 0, length: 1, text: '' }], text);
    assert.strictEqual((await store.write(notes, () => text)).kind, 'written');
    const written = codec.read(fs.text(SIDECAR)!);
    assert.ok(written.ok);
    assert.strictEqual(written.sidecar.annotations[0]!.target.selector[0].exact, '堅決反對');
    assert.strictEqual(written.sidecar.annotations[0]!.target.selector[1].start, at);
  });

  test('a change made while a write is in flight stays pending', async () => {
    const { fs, store, notes } = setUp();
    notes.set.add(note('出口管制', 'first'), { start: ARTICLE.indexOf('出口管制'), end: ARTICLE.indexOf('出口管制') + 4 });
    notes.markChanged();
    // The second read is the one right before the rename, after the snapshot was taken.
    fs.afterRead = () => {
      fs.afterRead = () => {
        notes.set.add(note('堅決反對', 'second'), { start: ARTICLE.indexOf('堅決反對'), end: ARTICLE.indexOf('堅決反對') + 4 });
        notes.markChanged();
      };
    };
    await store.write(notes, saved);
    assert.strictEqual(notes.pending, true, 'the second note is not in the file yet');
    await store.write(notes, saved);
    assert.strictEqual(notes.pending, false);
    assert.deepStrictEqual(onDisk(fs), ['first', 'second']);
  });

  test('another writer between the merge and the rename: the write starts again and keeps its note', async () => {
    const mine = note('出口管制', 'mine');
    const { fs, store, notes } = setUp([mine]);
    await store.load(notes, () => ARTICLE);
    notes.set.update({ ...mine, body: { note: 'mine, edited', tags: [] }, modified: '2026-11-30T02:00:00.000Z' });
    notes.markChanged();
    // The read before the write sees the file as loaded; right after it, the other window writes.
    fs.afterRead = () => fs.put(SIDECAR, codec.write(ARTICLE, 'article.txt', [mine, note('堅決反對', 'theirs')]));
    assert.strictEqual((await store.write(notes, saved)).kind, 'written');
    assert.deepStrictEqual(onDisk(fs), ['mine, edited', 'theirs']);
  });

  test('Repair and Start Fresh leave a sidecar alone that was fixed after it was found broken', async () => {
    const { fs, store, notes } = setUp();
    fs.put(SIDECAR, '{ broken');
    await store.load(notes, () => ARTICLE);
    const fixed = codec.write(ARTICLE, 'article.txt', [note('出口管制', 'fixed by hand')]);
    fs.put(SIDECAR, fixed);
    assert.strictEqual(await store.replaceBroken(notes, '{ broken', codec.write(ARTICLE, 'article.txt', [])), false);
    assert.strictEqual(await store.setAside(notes, '{ broken', 'now'), false);
    assert.strictEqual(fs.text(SIDECAR), fixed);
    fs.put(SIDECAR, '{ broken', { readOnly: true });
    assert.strictEqual(await store.replaceBroken(notes, '{ broken', fixed), false, 'a read-only file is not replaced');
  });

  test('flush waits for every queued write', async () => {
    const { fs, store, notes } = setUp();
    notes.set.add(note('出口管制'), { start: 0, end: 4 });
    void store.write(notes, saved);
    await store.flush();
    assert.ok(fs.text(SIDECAR));
  });
});

suite('notes kept in workspace storage while their sidecar cannot be written (issue 12)', () => {
  test('kept, found again for the same article only, and released', async () => {
    const fs = new MemoryFileSystem();
    const kept = new UnwrittenNotes(fs, '/storage/unwritten-notes');
    const a = note('出口管制', 'kept');
    const deletedHere = note('堅決反對', 'deleted here');
    await kept.keep(DOCUMENT, ARTICLE, [a], [deletedHere]);
    assert.deepStrictEqual((await kept.find(DOCUMENT))?.annotations.map((n) => n.id), [a.id]);
    // Merged with its base, a note deleted while the copy was kept stays deleted; one added on disk since stays.
    const addedThere = note('美國商務部', 'added there');
    const notes = new DocumentNotes(DOCUMENT, SIDECAR);
    notes.set.load([deletedHere, addedThere], ARTICLE);
    const found = (await kept.find(DOCUMENT))!;
    notes.set.merge(found.annotations, ARTICLE, found.base);
    assert.deepStrictEqual(notes.set.all.map((p) => p.annotation.body.note).sort(), ['added there', 'kept']);
    assert.strictEqual(await kept.find('/ws/other.txt'), undefined);
    await kept.release(DOCUMENT);
    assert.strictEqual(await kept.find(DOCUMENT), undefined);
  });
});
