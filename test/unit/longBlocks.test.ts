import * as assert from 'assert';
import { blockOffsetToSource } from '../../src/core/reader/blockSource';
import { reflowIncrementally } from '../../src/core/reader/incrementalReflow';
import { MAX_BLOCK_LENGTH } from '../../src/core/reader/longBlocks';
import { reflow } from '../../src/core/reader/reflow';
import { reflowInSlices } from '../../src/core/reader/slicedReflow';

suite('long blocks are cut into pieces for display (issue 13)', () => {
  const sentence = '美國商務部將多家企業列入實體清單。';
  const oneLine = `${sentence.repeat(20_000)}\n`;

  test('a 340,000-character line becomes pieces of at most the limit, each ending after a sentence, that together are its text', () => {
    const blocks = reflow(oneLine);
    assert.ok(blocks.length > 40, `${blocks.length} pieces`);
    assert.strictEqual(blocks.map((b) => b.text).join(''), sentence.repeat(20_000));
    for (const block of blocks) {
      assert.ok(block.text.length <= MAX_BLOCK_LENGTH && block.text.endsWith('。'), block.text.slice(-20));
      assert.deepStrictEqual([block.startLine, block.endLine, block.kind], [0, 0, 'paragraph']);
      // Every piece maps back onto the document: its first and last characters are where they came from.
      assert.strictEqual(oneLine[blockOffsetToSource(block, 0)], block.text[0]);
      assert.strictEqual(oneLine.slice(block.startOffset, block.endOffset), block.text);
      assert.deepStrictEqual(block.lines, [block.text]);
    }
  });

  test('a piece never ends inside a surrogate pair or before a combining mark', () => {
    const text = `a${'𠀀'.repeat(9000)}${'e\u0301'.repeat(5000)}\n`;
    for (const block of reflow(text)) {
      const last = block.text.charCodeAt(block.text.length - 1);
      assert.ok(!(last >= 0xd800 && last <= 0xdbff), 'no lone high surrogate at a piece’s end');
      assert.ok(!/^\p{M}/u.test(block.text), 'no piece starts with a combining mark');
    }
    assert.strictEqual(reflow(text).map((b) => b.text).join(''), text.trimEnd());
  });

  test('a long run of combining marks stays in one piece, where the panel cuts it for display behind one marker', () => {
    const text = `出口管制${'\u0301'.repeat(100_000)}完。${'美國商務部表示。'.repeat(2000)}\n`;
    const blocks = reflow(text);
    assert.ok(blocks.length > 1);
    assert.ok(blocks[0]!.text.startsWith(`出口管制${'\u0301'.repeat(100_000)}`), 'the run is whole in the first piece');
    assert.ok(blocks.slice(1).every((b) => !/^\p{M}/u.test(b.text)));
  });

  test('a paragraph of many lines is cut between its lines, each piece with its own line range and lines', () => {
    const lines = Array.from({ length: 900 }, (_, i) => `第${i}行的文字，沒有完結`).join('\n') + '。\n';
    const blocks = reflow(lines);
    assert.ok(blocks.length > 1);
    for (const [i, block] of blocks.entries()) {
      assert.strictEqual(block.lines.join('\n'), lines.slice(block.startOffset, block.endOffset));
      assert.strictEqual(block.lines.length, block.endLine - block.startLine + 1);
      if (i > 0) {
        assert.ok(block.startOffset >= blocks[i - 1]!.endOffset && block.startLine >= blocks[i - 1]!.endLine);
      }
    }
  });

  test('reflowing in slices, and again after an edit inside the long line, cuts it as one reflow does', async () => {
    const text = `\u3000\u3000開頭一段。\n${oneLine}\u3000\u3000後面一段。\n`;
    assert.deepStrictEqual(await reflowInSlices(text, () => Promise.resolve(true), 4096), reflow(text));
    const at = text.indexOf('實體清單', 100_000);
    const edited = text.slice(0, at) + '出口管制' + text.slice(at);
    const incremental = reflowIncrementally(reflow(text), text, edited, { start: at, oldEnd: at, newEnd: at + 4 });
    assert.deepStrictEqual(incremental, reflow(edited));
  });

  test('a paragraph of thousands of lines (text without paragraph ends) reflows in slices and after edits as one reflow does', async () => {
    const lines = Array.from({ length: 6000 }, (_, i) => `the ${i}th line of an English text without a paragraph end`).join('\n') + '\n';
    const whole = reflow(lines);
    assert.ok(whole.length > 20 && whole.slice(1).every((b) => b.continuesPrevious), 'one paragraph, cut into pieces');
    assert.deepStrictEqual(await reflowInSlices(lines, () => Promise.resolve(true), 4096), whole);
    const at = lines.indexOf('the 3000th');
    const edited = lines.slice(0, at) + 'now ' + lines.slice(at);
    assert.deepStrictEqual(reflowIncrementally(whole, lines, edited, { start: at, oldEnd: at, newEnd: at + 4 }), reflow(edited));
  });
});

