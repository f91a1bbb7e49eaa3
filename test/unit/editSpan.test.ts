import * as assert from 'assert';
import fc from 'fast-check';
import { EditSpan, extendEditSpan } from '../../src/core/reader/editSpan';
import { reflow } from '../../src/core/reader/reflow';
import { reflowIncrementally } from '../../src/core/reader/incrementalReflow';
import { referenceArticle } from './testData';

suite('edit spans from change events (issue 12: the reader takes VS Code’s change ranges)', () => {
  const article = referenceArticle().slice(0, 2000);
  // A batch of up to three non-overlapping changes, described against the text before the batch.
  const batch = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: fc.constantFrom('', '漢', '\n', '新的一段。\n', 'abc') }), { minLength: 1, maxLength: 3 });

  function apply(text: string, raw: { at: number; remove: number; insert: string }[]): { text: string; changes: { offset: number; length: number; text: string }[] } {
    // Non-overlapping: sorted cut points, each change inside its own slot.
    const changes: { offset: number; length: number; text: string }[] = [];
    let floor = 0;
    for (const r of [...raw].sort((a, b) => a.at - b.at)) {
      const offset = Math.max(floor, Math.floor(r.at * text.length));
      const length = Math.min(r.remove, text.length - offset);
      if (offset > text.length) {
        break;
      }
      changes.push({ offset, length, text: r.insert });
      floor = offset + length + 1;
    }
    let next = text;
    for (const c of [...changes].sort((a, b) => b.offset - a.offset)) {
      next = next.slice(0, c.offset) + c.text + next.slice(c.offset + c.length);
    }
    return { text: next, changes };
  }

  /** Applies the batches one by one, extending the span; `check` sees the text and span after each. */
  function applyAll(batches: { at: number; remove: number; insert: string }[][], check: (text: string, span: EditSpan) => void = () => undefined): { text: string; span: EditSpan | undefined } {
    let text = article;
    let span: EditSpan | undefined;
    for (const raw of batches) {
      const step = apply(text, raw);
      text = step.text;
      span = extendEditSpan(span, step.changes);
      assert.ok(span);
      check(text, span);
    }
    return { text, span };
  }

  test('property: the span always bounds what changed since the reference text', () => {
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 8 }), (batches) => {
        applyAll(batches, (text, span) => {
          assert.strictEqual(article.slice(0, span.start), text.slice(0, span.start), 'before the span: unchanged');
          assert.strictEqual(article.slice(span.oldEnd), text.slice(span.newEnd), 'after the span: unchanged, shifted');
        });
      }),
      { numRuns: 500 },
    );
  });

  test('property: reflow from the span equals a full reflow', () => {
    fc.assert(
      fc.property(fc.array(batch, { minLength: 1, maxLength: 4 }), (batches) => {
        const { text, span } = applyAll(batches);
        assert.deepStrictEqual(reflowIncrementally(reflow(article), article, text, span), reflow(text));
      }),
      { numRuns: 200 },
    );
  });
});
