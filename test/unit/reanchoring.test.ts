import * as assert from 'assert';
import { randomUUID } from 'crypto';
import fc from 'fast-check';
import { Annotation, quoteOf, selectorsFor, TextRange } from '../../src/core/annotations/annotation';
import { AnnotationSet } from '../../src/core/annotations/annotationSet';
import { anchorAnnotation } from '../../src/core/annotations/reanchor';
import { movedRange } from '../../src/core/annotations/rebase';
import { referenceArticle } from './testData';

const NOW = '2026-11-30T00:00:00.000Z';
const LATER = '2026-11-30T01:00:00.000Z';

function noteOn(text: string, quote: string, occurrence = 0): Annotation {
  let at = text.indexOf(quote);
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(quote, at + 1);
  }
  assert.ok(at >= 0, `${quote} is in the text`);
  return { id: randomUUID(), created: NOW, modified: NOW, body: { note: 'n', tags: [] }, target: { selector: selectorsFor(text, { start: at, end: at + quote.length }) } };
}

const covered = (text: string, range: TextRange | undefined) => range && text.slice(range.start, range.end);

suite('re-anchoring refuses look-alikes (issue 12)', () => {
  const lead = '【本報訊】美國商務部周二宣布收緊對華先進晶片出口管制，涉及多家中國企業。';
  const body = [
    '日本經濟產業省其後表示將研究跟進措施，荷蘭政府則未有回應。',
    '美國商務部官員在記者會上表示，美國政府將繼續審視相關企業的出口許可申請，並保留進一步行動的權利。',
    '分析指出，美國商務部周二宣布收緊對華先進晶片出口管制，涉及多家中國企業。此舉將影響全球半導體供應鏈。',
  ];
  const article = [lead, ...body].join('\n');

  test('the second 美國 of a sentence whose 美國政府 became 美方 is an orphan, not the first 美國 elsewhere', () => {
    const note = noteOn(article, '美國', 2);
    assert.strictEqual(article.slice(article.indexOf('美國政府'), article.indexOf('美國政府') + 2), quoteOf(note).exact);
    assert.strictEqual(quoteOf(note).suffix.slice(0, 2), '政府');
    const edited = article.replace('美國政府將繼續', '美方將繼續');
    assert.strictEqual(anchorAnnotation(note, edited), undefined);
  });

  test('a note on the lead is an orphan when the lead is rewritten, though the body repeats it', () => {
    const sentence = '美國商務部周二宣布收緊對華先進晶片出口管制，涉及多家中國企業。';
    const note = noteOn(article, sentence);
    const edited = article.replace(lead, '【本報訊】美國周二再出招，擴大晶片禁令。');
    assert.ok(edited.includes(sentence), 'the body still repeats the sentence');
    assert.strictEqual(anchorAnnotation(note, edited), undefined);
  });

  test('a look-alike paragraph that differs in the words that mattered is refused', () => {
    const text = '美國商務部表示，新規將限制先進晶片出口。';
    const note = noteOn(text, text);
    const edited = text.replace('美國商務部', '日本經產省');
    assert.strictEqual(anchorAnnotation(note, edited), undefined);
  });

  test('a changed year or figure is other text, not an edit of it', () => {
    const text = '前言。\n美國自2024年起多次收緊出口管制，涉及140家企業。\n結語。';
    const note = noteOn(text, '美國自2024年起多次收緊出口管制');
    assert.strictEqual(anchorAnnotation(note, text.replace('2024', '2025')), undefined);
  });

  test('a small edit of the noted text is placed, as fuzzy, and flagged for review', () => {
    const note = noteOn(article, '美國政府將繼續審視相關企業的出口許可申請');
    const edited = article.replace('美國政府將繼續審視相關企業的出口許可申請', '美國政府將繼續審視有關企業的出口許可申請');
    const found = anchorAnnotation(note, edited);
    assert.deepStrictEqual([found?.method, covered(edited, found?.range)], ['fuzzy', '美國政府將繼續審視有關企業的出口許可申請']);
    const set = new AnnotationSet();
    set.load([note], edited);
    assert.deepStrictEqual(set.all[0]!.placement, { method: 'fuzzy', review: true });
    // Saved as it was until the user confirms: the old quote is what the review is about.
    assert.deepStrictEqual(set.snapshot(edited), [note]);
  });

  test('an occurrence with one side of its context rewritten is still its text', () => {
    const note = noteOn(article, '出口許可申請');
    const edited = article.replace('並保留進一步行動的權利', '但未有透露時間表');
    const found = anchorAnnotation(note, edited);
    assert.deepStrictEqual([found?.method, covered(edited, found?.range)], ['position', '出口許可申請']);
    const shifted = '新增導語。\n' + edited;
    assert.strictEqual(anchorAnnotation(note, shifted)?.method, 'quote');
  });

  test('two equally good approximate matches: ambiguous, so an orphan', () => {
    const text = '甲。中方表示將採取必要措施回應。乙。';
    const note = noteOn(text, '中方表示將採取必要措施回應');
    const twice = '丙。中方表示將採取必要措施回擊。丁。中方表示將採取必要措施回撃。戊。';
    assert.strictEqual(anchorAnnotation(note, twice), undefined);
  });

  test('the true place, edited twice, beats a look-alike elsewhere edited once', () => {
    const lead = '上月，外交部發言人在例行記者會上表示，';
    const text = `${lead}中方表示將採取必要措施回應有關挑戰。\n今日，商務部發言人在記者會上說，中方表示將採取必要措施回應有關挑釁。\n完。`;
    const note = noteOn(text, '中方表示將採取必要措施回應有關挑釁');
    const edited = text.replace('中方表示將採取必要措施回應有關挑釁', '中方表示會採取必要措施回擊有關挑釁');
    const found = anchorAnnotation(note, edited);
    assert.strictEqual(covered(edited, found?.range), '中方表示會採取必要措施回擊有關挑釁');
    assert.strictEqual(found?.method, 'fuzzy');
  });

  test('an exact copy elsewhere with other context does not hide the lightly edited original', () => {
    const quote = '美國政府將繼續審視相關企業的出口許可申請';
    const text = `前文。${quote}，並保留進一步行動的權利。\n另一段落完全不同的內容在這裡出現，${quote}。結尾。`;
    const note = noteOn(text, quote);
    const edited = text.replace(`前文。${quote}`, '前文。美國政府將繼續審視有關企業的出口許可申請');
    const found = anchorAnnotation(note, edited);
    assert.strictEqual(found?.method, 'fuzzy');
    assert.strictEqual(found!.range.start, edited.indexOf('美國政府將繼續審視有關企業'));
  });

  test('an inserted digit, a changed Han numeral: other figures, so orphans', () => {
    const text = '開頭。美國將對中國加徵300億美元關稅，涉及三十類商品。結尾。';
    const figure = noteOn(text, '美國將對中國加徵300億美元關稅');
    assert.strictEqual(anchorAnnotation(figure, text.replace('300億', '3000億')), undefined);
    const count = noteOn(text, '涉及三十類商品');
    assert.strictEqual(anchorAnnotation(count, text.replace('三十類', '五十類')), undefined);
  });

  test('a fuzzy match never splits a surrogate pair', () => {
    const text = '前文前文。𠀋仔街的商戶表示生意大受影響。後文後文。';
    const note = noteOn(text, '𠀋仔街的商戶表示生意大受影響');
    const edited = text.replace('生意大受影響', '生意大大受影響');
    const found = anchorAnnotation(note, edited);
    assert.strictEqual(found?.method, 'fuzzy');
    const slice = covered(edited, found.range)!;
    assert.ok(!/^[\udc00-\udfff]/.test(slice) && !/[\ud800-\udbff]$/.test(slice), 'whole code points');
    assert.ok(slice.startsWith('𠀋'));
  });

  test('pasting other text exactly over a note does not move the note onto it', () => {
    const text = '甲乙丙。美國商務部表示將收緊出口管制。丁戊己。';
    const set = new AnnotationSet();
    set.load([noteOn(text, '美國')], text);
    const at = text.indexOf('美國');
    const after = text.slice(0, at) + '日本' + text.slice(at + 2);
    set.applyChanges([{ offset: at, length: 2, text: '日本' }], after);
    assert.strictEqual(set.all[0]!.range, undefined, 'an orphan, its quote still 美國');
    assert.strictEqual(quoteOf(set.all[0]!.annotation).exact, '美國');
  });

  test('undo after deleting a paragraph brings its notes back', () => {
    const text = '第一段。\n美國商務部表示將收緊出口管制。\n第三段。';
    const set = new AnnotationSet();
    set.load([noteOn(text, '收緊出口管制')], text);
    const start = text.indexOf('美國');
    const paragraph = '美國商務部表示將收緊出口管制。\n';
    const deleted = text.slice(0, start) + text.slice(start + paragraph.length);
    set.applyChanges([{ offset: start, length: paragraph.length, text: '' }], deleted);
    assert.strictEqual(set.all[0]!.range, undefined);
    set.applyChanges([{ offset: start, length: 0, text: paragraph }], text, { retryOrphans: true });
    assert.strictEqual(covered(text, set.all[0]!.range), '收緊出口管制');
  });

  test('confirm re-describes a reviewed note; re-attach moves any note to the chosen text', () => {
    const note = noteOn(article, '美國政府將繼續審視相關企業的出口許可申請');
    const edited = article.replace('相關企業', '有關企業');
    const set = new AnnotationSet();
    set.load([note], edited);
    const confirmed = set.confirm(note.id, edited, LATER)!;
    assert.deepStrictEqual(confirmed.placement, { method: 'fuzzy', review: false });
    assert.strictEqual(quoteOf(confirmed.annotation).exact, '美國政府將繼續審視有關企業的出口許可申請');
    assert.strictEqual(confirmed.annotation.modified, LATER);
    const at = edited.indexOf('荷蘭政府');
    const moved = set.reattach(note.id, { start: at, end: at + 4 }, edited, LATER)!;
    assert.deepStrictEqual([quoteOf(moved.annotation).exact, moved.placement.method, moved.placement.review], ['荷蘭政府', 'position', false]);
    assert.strictEqual(set.reattach(note.id, { start: 3, end: 3 }, edited, LATER), undefined, 'an empty range is refused');
  });
});

suite('moves keep notes (issue 12)', () => {
  const lines = ['第一行：美國商務部宣布新規。', '第二行：中方表示堅決反對。', '第三行：市場反應平淡。'];
  const text = lines.join('\n') + '\n';

  test('Move Line Down as VS Code reports it: the neighbouring line deleted below and inserted above', () => {
    // Moving line 1 down: line 2 (with its line break) is deleted and inserted before line 1.
    const line2Start = text.indexOf(lines[1]!);
    const changes = [
      { offset: 0, length: 0, text: lines[1] + '\n' },
      { offset: line2Start, length: lines[1]!.length + 1, text: '' },
    ];
    const after = lines[1] + '\n' + lines[0] + '\n' + lines[2] + '\n';
    const set = new AnnotationSet();
    const note = noteOn(text, '堅決反對');
    set.load([note], text);
    assert.strictEqual(set.applyChanges(changes, after).reanchored, true);
    const placed = set.all[0]!;
    assert.strictEqual(covered(after, placed.range), '堅決反對');
    assert.strictEqual(placed.range!.start, after.indexOf('堅決反對'));
    assert.deepStrictEqual(placed.placement, { method: 'position', review: false });
  });

  test('Move Line as one replacement of both lines, swapped', () => {
    const both = lines[0] + '\n' + lines[1] + '\n';
    const after = lines[1] + '\n' + lines[0] + '\n' + lines[2] + '\n';
    const set = new AnnotationSet();
    set.load([noteOn(text, '堅決反對')], text);
    set.applyChanges([{ offset: 0, length: both.length, text: lines[1] + '\n' + lines[0] + '\n' }], after);
    assert.strictEqual(covered(after, set.all[0]!.range), '堅決反對');
    assert.strictEqual(set.all[0]!.range!.start, after.indexOf('堅決反對'));
  });

  test('a deleted span is not followed to another copy that lacks its context', () => {
    const quote = { exact: '反對', prefix: '中方表示堅決', suffix: '。' };
    const range = { start: 10, end: 12 };
    // The span [4, 14) is deleted; the insertion holds 反對 but not the context that was inside the span.
    assert.strictEqual(movedRange(range, quote, [{ offset: 4, length: 10, text: '' }, { offset: 20, length: 0, text: '美方反對。' }]), undefined);
  });

  test('a span inserted twice is ambiguous: no move', () => {
    const quote = { exact: '反對', prefix: '', suffix: '' };
    assert.strictEqual(movedRange({ start: 0, end: 2 }, quote, [{ offset: 0, length: 2, text: '' }, { offset: 5, length: 0, text: '反對反對' }]), undefined);
  });
});

suite('properties of placement (fast-check, issue 12)', () => {
  const article = referenceArticle().slice(0, 3000);
  const rangeArb = fc.tuple(fc.nat({ max: article.length - 2 }), fc.integer({ min: 1, max: 16 })).map(([start, length]) => ({ start, end: Math.min(article.length, start + length) }));
  const step = fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 20 }), insert: fc.constantFrom('', '漢', '美國', '\n', '出口管制', '2025') }),
    fc.record({ kind: fc.constant('move' as const), from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 60 }), to: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('outside' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.constantFrom('', '新的一句。', '美國商務部表示，', '中方') }),
  );

  test('through edits, moves and outside changes: on its quote or flagged, never lost, ids unique', () => {
    fc.assert(
      fc.property(fc.array(rangeArb, { minLength: 1, maxLength: 10 }), fc.array(step, { minLength: 1, maxLength: 20 }), (ranges, steps) => {
        const set = new AnnotationSet();
        set.load(
          ranges.map((r) => ({ id: randomUUID(), created: NOW, modified: NOW, body: { note: 'n', tags: [] }, target: { selector: selectorsFor(article, r) } })),
          article,
        );
        const ids = set.all.map((p) => p.annotation.id).sort();
        let text = article;
        for (const s of steps) {
          const before = new Map(set.all.map((p) => [p.annotation.id, quoteOf(p.annotation).exact]));
          const rangesBefore = new Map(set.all.map((p) => [p.annotation.id, p.range]));
          if (s.kind === 'edit') {
            const offset = Math.floor(s.at * text.length);
            const length = Math.min(s.remove, text.length - offset);
            text = text.slice(0, offset) + s.insert + text.slice(offset + length);
            set.applyChanges([{ offset, length, text: s.insert }], text);
            for (const p of set.all) {
              const old = rangesBefore.get(p.annotation.id);
              // A note the edit did not touch is on the very text it had (not merely on its own re-described quote).
              const touched = old && offset <= old.end && offset + length >= old.start;
              if (old && !touched && p.range && !p.placement.review) {
                assert.strictEqual(covered(text, p.range), before.get(p.annotation.id), 'an untouched note keeps its text');
              }
            }
          } else if (s.kind === 'move') {
            // Cut a span and paste it elsewhere in one edit, as drag and drop does.
            const from = Math.floor(s.from * (text.length - 1));
            const length = Math.min(s.length, text.length - from);
            const moved = text.slice(from, from + length);
            const rest = text.slice(0, from) + text.slice(from + length);
            const to = Math.floor(s.to * rest.length);
            const insertAt = to <= from ? to : to + length;
            const changes = [
              { offset: from, length, text: '' },
              { offset: insertAt, length: 0, text: moved },
            ];
            text = rest.slice(0, to) + moved + rest.slice(to);
            set.applyChanges(changes, text);
          } else {
            const offset = Math.floor(s.at * text.length);
            text = text.slice(0, offset) + s.insert + text.slice(Math.min(text.length, offset + s.remove));
            set.reanchor(text);
            for (const p of set.all) {
              if (p.range && !p.placement.review) {
                assert.strictEqual(covered(text, p.range), before.get(p.annotation.id), 'a sure placement is on the text the note had');
              }
            }
          }
          for (const p of set.all) {
            assert.strictEqual(p.range === undefined, p.placement.method === 'orphan');
            assert.strictEqual(p.placement.review, p.placement.method === 'fuzzy' && p.placement.review);
            if (p.range && !p.placement.review) {
              assert.strictEqual(covered(text, p.range), quoteOf(p.annotation).exact, 'never on text that differs from its quote unless flagged');
            }
          }
          const now = set.all.map((p) => p.annotation.id);
          assert.strictEqual(new Set(now).size, now.length, 'ids unique');
          assert.deepStrictEqual([...now].sort(), ids, 'never lost');
        }
      }),
      { numRuns: 400 },
    );
  });

  test('a moved span takes every note inside it along, on the same text', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2000 }), fc.integer({ min: 5, max: 80 }), fc.nat({ max: 2900 }), (from, length, to) => {
        const moved = article.slice(from, from + length);
        const inside = { start: from + Math.floor(length / 3), end: from + Math.floor(length / 3) + 2 };
        const set = new AnnotationSet();
        set.load([{ id: randomUUID(), created: NOW, modified: NOW, body: { note: 'n', tags: [] }, target: { selector: selectorsFor(article, inside) } }], article);
        const rest = article.slice(0, from) + article.slice(from + length);
        const target = Math.min(to, rest.length);
        const text = rest.slice(0, target) + moved + rest.slice(target);
        set.applyChanges(
          [
            { offset: from, length, text: '' },
            { offset: target <= from ? target : target + length, length: 0, text: moved },
          ],
          text,
        );
        const placed = set.all[0]!;
        assert.ok(placed.range, 'carried, not orphaned');
        assert.strictEqual(covered(text, placed.range), article.slice(inside.start, inside.end));
        assert.ok(placed.range.start >= target && placed.range.end <= target + length, 'inside the span where it went');
      }),
      { numRuns: 300 },
    );
  });
});
