import * as assert from 'assert';
import { randomUUID } from 'crypto';
import fc from 'fast-check';
import { Annotation, quoteOf, selectorsFor, TextRange } from '../../src/core/annotations/annotation';
import { AnnotationSet } from '../../src/core/annotations/annotationSet';
import { anchorAnnotation } from '../../src/core/annotations/reanchor';
import { rebaseRanges } from '../../src/core/annotations/rebase';
import { SidecarCodec } from '../../src/core/annotations/sidecar';
import { sentenceAround } from '../../src/core/annotations/sourceMapping';
import { AtomicFileSystem, isTemporaryOf, writeAtomically, WriteQueue } from '../../src/core/files/atomicWrite';
import { referenceArticle } from './testData';

const NOW = '2026-11-26T00:00:00.000Z';

function annotationAt(text: string, range: TextRange, note = 'note'): Annotation {
  return { id: randomUUID(), created: NOW, modified: NOW, body: { note, tags: [] }, target: { selector: selectorsFor(text, range) } };
}

suite('rebasing annotation ranges over edits', () => {
  const range = { start: 10, end: 20 };
  const rebase = (offset: number, length: number, text: string) => rebaseRanges([range], [{ offset, length, text }])[0];

  test('edits before move the range; edits after leave it', () => {
    assert.deepStrictEqual(rebase(2, 3, 'x'), { start: 8, end: 18 });
    assert.deepStrictEqual(rebase(25, 1, 'xyz'), range);
  });

  test('typing at either edge stays outside the range', () => {
    assert.deepStrictEqual(rebase(10, 0, 'ab'), { start: 12, end: 22 });
    assert.deepStrictEqual(rebase(20, 0, 'ab'), range);
  });

  test('edits inside resize it; cutting an end trims it; deleting it all leaves an orphan', () => {
    assert.deepStrictEqual(rebase(12, 2, 'abcd'), { start: 10, end: 22 });
    assert.deepStrictEqual(rebase(5, 10, ''), { start: 5, end: 10 });
    assert.deepStrictEqual(rebase(15, 10, 'x'), { start: 10, end: 15 });
    assert.strictEqual(rebase(8, 15, 'new'), undefined);
  });

  test('a batch of changes is applied from the last to the first', () => {
    assert.deepStrictEqual(
      rebaseRanges([range], [
        { offset: 0, length: 0, text: 'aa' },
        { offset: 15, length: 1, text: '' },
      ])[0],
      { start: 12, end: 21 },
    );
  });
});

suite('re-anchoring after the file changed outside VS Code', () => {
  const article = referenceArticle();
  const at = (needle: string) => ({ start: article.indexOf(needle), end: article.indexOf(needle) + needle.length });

  test('position, then exact quote, then fuzzy quote', () => {
    const annotation = annotationAt(article, at('人工智能擴散規則'));
    assert.strictEqual(anchorAnnotation(annotation, article)?.method, 'position');
    const shifted = '新增一段導語。\n' + article;
    const moved = anchorAnnotation(annotation, shifted);
    assert.deepStrictEqual([moved?.method, shifted.slice(moved!.range.start, moved!.range.end)], ['quote', '人工智能擴散規則']);
    const reworded = shifted.replace(/人工智能擴散規則/g, '人工智能擴散規定');
    const fuzzy = anchorAnnotation(annotation, reworded);
    assert.deepStrictEqual([fuzzy?.method, reworded.slice(fuzzy!.range.start, fuzzy!.range.end)], ['fuzzy', '人工智能擴散規定']);
  });

  test('of several exact occurrences, the one whose context fits wins', () => {
    const second = article.indexOf('出口管制', article.indexOf('出口管制') + 1);
    const annotation = annotationAt(article, { start: second, end: second + 4 });
    const edited = article.slice(0, 100) + '插入'.repeat(50) + article.slice(100);
    const found = anchorAnnotation(annotation, edited)!;
    assert.strictEqual(found.range.start, second + 100);
  });

  test('text that is gone makes an orphan', () => {
    const annotation = annotationAt(article, at('康京和表示'));
    assert.strictEqual(anchorAnnotation(annotation, article.replace(/康京和/g, '').replace('表示，亞洲協會', '')), undefined);
  });
});

suite('annotation set', () => {
  const article = referenceArticle();

  function randomSet(ranges: TextRange[]): AnnotationSet {
    const set = new AnnotationSet();
    set.load(ranges.map((r) => annotationAt(article, r)), article);
    return set;
  }

  const rangeArb = fc
    .tuple(fc.nat({ max: article.length - 2 }), fc.integer({ min: 1, max: 12 }))
    .map(([start, length]) => ({ start, end: Math.min(article.length, start + length) }));
  const editArb = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.nat({ max: 30 }),
    insert: fc.constantFrom('', '漢', '一段新文字', '\n', '出口管制', 'abc'),
  });

  test('property: through random edits in the editor, every note stays on its quote or is an orphan, none is lost', () => {
    fc.assert(
      fc.property(fc.array(rangeArb, { minLength: 1, maxLength: 12 }), fc.array(editArb, { minLength: 1, maxLength: 25 }), (ranges, edits) => {
        const set = randomSet(ranges);
        const ids = set.all.map((p) => p.annotation.id).sort();
        let text = article;
        for (const edit of edits) {
          const offset = Math.floor(edit.at * text.length);
          const length = Math.min(edit.remove, text.length - offset);
          text = text.slice(0, offset) + edit.insert + text.slice(offset + length);
          set.applyChanges([{ offset, length, text: edit.insert }], text);
          for (const p of set.all) {
            if (p.range && !p.placement.review) {
              assert.strictEqual(text.slice(p.range.start, p.range.end), quoteOf(p.annotation).exact);
            }
          }
        }
        assert.deepStrictEqual(set.all.map((p) => p.annotation.id).sort(), ids);
      }),
      { numRuns: 1000 },
    );
  });

  test('property: after random changes made outside VS Code, re-anchoring keeps every note, on its quote or orphaned', () => {
    fc.assert(
      fc.property(fc.array(rangeArb, { minLength: 1, maxLength: 12 }), fc.array(editArb, { minLength: 1, maxLength: 25 }), (ranges, edits) => {
        const original = ranges.map((r) => annotationAt(article, r));
        let text = article;
        for (const edit of edits) {
          const offset = Math.floor(edit.at * text.length);
          text = text.slice(0, offset) + edit.insert + text.slice(Math.min(text.length, offset + edit.remove));
        }
        const set = new AnnotationSet();
        set.load(original, text);
        assert.strictEqual(set.all.length, original.length);
        const quotes = new Map(original.map((a) => [a.id, quoteOf(a).exact]));
        for (const p of set.all) {
          // On its own text, or flagged for review: never silently on other text.
          if (p.range && !p.placement.review) {
            assert.strictEqual(text.slice(p.range.start, p.range.end), quotes.get(p.annotation.id));
          }
          assert.strictEqual(p.placement.review, p.placement.method === 'fuzzy');
          assert.strictEqual(p.range === undefined, p.placement.method === 'orphan');
        }
        const snapshot = set.snapshot(text);
        assert.deepStrictEqual(snapshot.map((a) => a.id).sort(), original.map((a) => a.id).sort());
      }),
      { numRuns: 500 },
    );
  });

  test('merging a sidecar changed elsewhere: newer modified wins, a local delete sticks unless edited later', () => {
    const set = randomSet([{ start: 10, end: 14 }, { start: 30, end: 34 }, { start: 50, end: 54 }]);
    const [a, b, c] = set.all.map((p) => p.annotation);
    set.remove(c!.id, '2026-11-26T01:00:00.000Z');
    const external = [
      { ...a!, modified: '2026-11-26T02:00:00.000Z', body: { ...a!.body, note: 'edited elsewhere' } },
      { ...b!, modified: '2025-01-01T00:00:00.000Z', body: { ...b!.body, note: 'older' } },
      c!,
      annotationAt(article, { start: 70, end: 74 }, 'new elsewhere'),
    ];
    assert.strictEqual(set.merge(external, article), 2);
    const notes = set.all.map((p) => p.annotation.body.note).sort();
    assert.deepStrictEqual(notes, ['edited elsewhere', 'new elsewhere', 'note']);
  });
});

suite('annotation set: merge with a base, undo of a delete', () => {
  const article = referenceArticle();

  test('a note the other writer had and deleted goes here too, unless edited here since', () => {
    const set = new AnnotationSet();
    const [a, b] = [annotationAt(article, { start: 10, end: 14 }), annotationAt(article, { start: 30, end: 34 })];
    set.load([a!, b!], article);
    const base = [a!, b!];
    // The other window deleted both; here b was edited after the base.
    set.update({ ...b!, modified: '2026-11-27T00:00:00.000Z', body: { ...b!.body, note: 'edited here' } });
    assert.strictEqual(set.merge([], article, base), 1);
    assert.deepStrictEqual(set.all.map((p) => p.annotation.body.note), ['edited here']);
  });

  test('undoing a delete after edits places the note on its text again', () => {
    const set = new AnnotationSet();
    const at = article.indexOf('康京和表示');
    set.load([annotationAt(article, { start: at, end: at + 5 })], article);
    const removed = set.remove(set.all[0]!.annotation.id, NOW)!;
    const edited = '新增導語。\n' + article;
    set.restore(removed, edited);
    const range = set.all[0]!.range!;
    assert.strictEqual(edited.slice(range.start, range.end), '康京和表示');
  });
});

suite('sidecar files', () => {
  const codec = new SidecarCodec();
  const article = referenceArticle();

  test('what is written reads back, and validates', () => {
    const annotations = [annotationAt(article, { start: 5, end: 9 })];
    const text = codec.write(article, 'article.txt', annotations);
    const read = codec.read(text);
    assert.ok(read.ok);
    assert.deepStrictEqual(read.sidecar.annotations, annotations);
    assert.strictEqual(read.sidecar.source.length, article.length);
  });

  test('a file its own schema would refuse is never written (an empty tag)', () => {
    const annotation = annotationAt(article, { start: 5, end: 9 });
    const bad = { ...annotation, body: { ...annotation.body, tags: [''] } };
    assert.throws(() => codec.write(article, 'article.txt', [bad]), /schema/);
  });

  test('corrupt and schema-invalid files are refused with the problem', () => {
    const corrupt = codec.read('{ "version": 1, "source": ');
    assert.ok(!corrupt.ok && corrupt.problem.length > 0 && corrupt.line === 1);
    const invalid = codec.read(JSON.stringify({ version: 1, source: { file: 'a', sha256: 'x', length: 1 }, annotations: [] }));
    assert.ok(!invalid.ok && /sha256/.test(invalid.problem));
    const good = annotationAt(article, { start: 5, end: 9 });
    const twice = codec.read(codec.write(article, 'a', [good, good]));
    assert.ok(!twice.ok && /twice/.test(twice.problem));
  });

  test('repair keeps every annotation that is valid on its own', () => {
    const good = annotationAt(article, { start: 5, end: 9 });
    const broken = `{ "version": 1, // comment\n "annotations": [ ${JSON.stringify(good)}, { "id": "x" }, ], }`;
    const repaired = codec.repair(broken, article, 'a.txt')!;
    assert.deepStrictEqual([repaired.kept, repaired.dropped], [1, 1]);
    assert.ok(codec.read(repaired.text).ok);
  });
});

suite('atomic writes', () => {
  /** An in-memory file system that can crash at a chosen step. */
  class CrashingFs implements AtomicFileSystem<string> {
    readonly files = new Map<string, string>();
    constructor(private readonly crashAt?: 'during-write' | 'before-rename') {}
    async writeFile(file: string, data: Uint8Array): Promise<void> {
      const text = new TextDecoder().decode(data);
      if (this.crashAt === 'during-write') {
        this.files.set(file, text.slice(0, text.length / 2));
        throw new Error('crash');
      }
      this.files.set(file, text);
    }
    async rename(from: string, to: string): Promise<void> {
      if (this.crashAt === 'before-rename') {
        throw new Error('crash');
      }
      this.files.set(to, this.files.get(from)!);
      this.files.delete(from);
    }
    async delete(file: string): Promise<void> {
      this.files.delete(file);
    }
    sibling(_file: string, name: string): string {
      return name;
    }
    basename(file: string): string {
      return file;
    }
  }
  const bytes = (s: string) => new TextEncoder().encode(s);

  for (const crash of ['during-write', 'before-rename'] as const) {
    test(`a crash ${crash.replace('-', ' ')} leaves the old file whole`, async () => {
      const fs = new CrashingFs(crash);
      fs.files.set('a.json', 'old content');
      await assert.rejects(writeAtomically(fs, 'a.json', bytes('new content that is longer')));
      assert.strictEqual(fs.files.get('a.json'), 'old content');
    });
  }

  test('a temporary file left by a crash is recognisable as the file\'s', async () => {
    const fs = new CrashingFs('before-rename');
    const files: string[] = [];
    const spy: AtomicFileSystem<string> = { ...fs, writeFile: async (file, data) => { files.push(file); await fs.writeFile(file, data); }, rename: (a, b) => fs.rename(a, b), delete: async () => undefined, sibling: fs.sibling, basename: fs.basename };
    await assert.rejects(writeAtomically(spy, 'a.json', bytes('new')));
    assert.ok(isTemporaryOf(files[0]!, 'a.json'));
    assert.ok(!isTemporaryOf('.b.json.x.tmp', 'a.json'));
  });

  test('without a crash the new file replaces the old one, no temporary file left', async () => {
    const fs = new CrashingFs();
    fs.files.set('a.json', 'old');
    await writeAtomically(fs, 'a.json', bytes('new'));
    assert.deepStrictEqual([...fs.files.entries()], [['a.json', 'new']]);
  });

  test('writes of one file are serialised in call order', async () => {
    const queue = new WriteQueue();
    const order: number[] = [];
    const slow = (n: number, ms: number) => queue.run('f', () => new Promise<void>((r) => setTimeout(() => { order.push(n); r(); }, ms)));
    await Promise.all([slow(1, 30), slow(2, 1), queue.run('f', () => Promise.reject(new Error('x'))).catch(() => order.push(3)), slow(4, 1)]);
    assert.deepStrictEqual(order, [1, 2, 3, 4]);
  });
});

suite('sentences for exports (issue 13: exports scale)', () => {
  test('the sentence around a quote, from one sentence end to the next', () => {
    const text = '第一句。美國商務部表示將收緊出口管制；中方反對。';
    const at = text.indexOf('出口管制');
    assert.strictEqual(sentenceAround(text, { start: at, end: at + 4 }), '美國商務部表示將收緊出口管制；');
  });

  test('without punctuation, at most 300 characters each side, cut with …', () => {
    const text = '字'.repeat(100_000) + '出口管制' + '字'.repeat(100_000);
    const at = 100_000;
    const sentence = sentenceAround(text, { start: at, end: at + 4 });
    assert.strictEqual(sentence, `…${'字'.repeat(300)}出口管制${'字'.repeat(300)}…`);
  });
});
