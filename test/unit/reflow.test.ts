import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { blockIndexAtLine, blockOffsetToSource } from '../../src/core/reader/blockSource';
import { reflow, undouble } from '../../src/core/reader/reflow';
import { referenceArticle } from './testData';

interface FixtureBlock {
  lines: string;
  kind: string;
  text: string;
}

const fixture = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'reflow', 'wenweipo-blocks.json'), 'utf8'),
) as { blocks: FixtureBlock[] };

suite('reflow', () => {
  const article = referenceArticle();
  const blocks = reflow(article);

  test('the reference article gives the reviewed blocks: boundaries, kinds and text', () => {
    const actual = blocks.map((b) => ({ lines: `${b.startLine + 1}-${b.endLine + 1}`, kind: b.kind, text: b.text }));
    assert.strictEqual(actual.length, fixture.blocks.length);
    assert.deepStrictEqual(actual, fixture.blocks);
  });

  test('every block maps its text back to the source, piece by piece', () => {
    for (const block of blocks) {
      for (const segment of block.segments) {
        assert.strictEqual(
          block.text.slice(segment.textStart, segment.textStart + segment.length),
          article.slice(block.startOffset + segment.sourceOffset, block.startOffset + segment.sourceOffset + segment.length),
        );
      }
    }
  });

  test('a term split across a blank line maps to both halves in the source', () => {
    // Lines 248–250: 「納入實體」, a blank line, 「清單，禁止…」.
    const block = blocks.find((b) => b.text.includes('納入實體清單'))!;
    const at = block.text.indexOf('實體清單');
    const first = blockOffsetToSource(block, at);
    const last = blockOffsetToSource(block, at + 3);
    assert.strictEqual(article.slice(first, first + 2), '實體');
    assert.strictEqual(article[last], '單');
    assert.ok(article.slice(first, last).includes('\n\n'), 'the halves are on lines around a blank line');
  });

  test('reflow never changes the text it is given: blocks keep their source lines', () => {
    const lines = article.split('\n');
    for (const block of blocks) {
      assert.deepStrictEqual(block.lines, lines.slice(block.startLine, block.endLine + 1));
    }
  });

  test('blockIndexAtLine finds the block holding a line, or the one before a gap', () => {
    assert.strictEqual(blocks[blockIndexAtLine(blocks, 7)]!.text, '英偉達損失逾150億美元');
    const gap = blockIndexAtLine(blocks, 6); // the blank line 7 between the first paragraph and the headline
    assert.strictEqual(blocks[gap]!.startLine, 1);
  });

  test('Latin words broken across lines join with a space; CJK joins without one', () => {
    const [block] = reflow('The Entity\nList and\n實體\n\n清單');
    assert.strictEqual(block!.text, 'The Entity List and實體清單');
  });

  test('CRLF line ends reflow like LF', () => {
    assert.deepStrictEqual(
      reflow(article.replace(/\n/g, '\r\n')).map((b) => b.text),
      blocks.map((b) => b.text),
    );
  });

  test('hostile text stays text: markup and control characters pass through untouched', () => {
    const hostile = '<script>alert(1)</script>\n<img src=x onerror=alert(1)>\u202e漢字';
    const text = reflow(hostile).map((b) => b.text).join('');
    assert.ok(text.includes('<script>alert(1)</script>'));
    assert.ok(text.includes('\u202e'));
  });

  test('an empty document has no blocks', () => {
    assert.deepStrictEqual(reflow(''), []);
    assert.deepStrictEqual(reflow('\n\n  \n'), []);
  });
});

suite('undouble', () => {
  const keep = (line: string) => undouble(line)?.map((p) => line.slice(p.start, p.start + p.length)).join('');

  test('undoubles bold captions extracted twice', () => {
    assert.strictEqual(keep('●●20242024年中國芯片出口首超萬年中國芯片出口首超萬'), '●2024年中國芯片出口首超萬');
    assert.strictEqual(keep('車間工作車間工作。。 資料圖片資料圖片'), '車間工作。 資料圖片');
  });

  test('keeps a run with a repeat inside whole', () => {
    assert.strictEqual(keep('哈哈大笑哈哈大笑'), '哈哈大笑');
  });

  test('a line that is not doubled is left alone', () => {
    assert.strictEqual(undouble('美國芯片霸凌'), undefined);
  });
});

suite('reflow of other layouts (test/fixtures/reflow, reviewed by hand)', () => {
  const folder = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'reflow');
  const fixtures = fs.readdirSync(folder).filter((f) => f.endsWith('.blocks.json'));

  test('there are at least five layouts besides the reference article', () => {
    assert.ok(fixtures.length >= 5, fixtures.join(', '));
  });

  test('a line of a paragraph after the caption set inside it belongs to the paragraph; a caption line to the caption', () => {
    const blocks = reflow(fs.readFileSync(path.join(folder, 'ltn-2025-09-17-export-entity-list.zh-Hant-TW.txt'), 'utf8'));
    const caption = blocks.findIndex((b) => b.kind === 'caption');
    const paragraph = caption - 1;
    assert.ok(blocks[paragraph]!.startLine < blocks[caption]!.startLine && blocks[caption]!.endLine < blocks[paragraph]!.endLine);
    assert.strictEqual(blockIndexAtLine(blocks, blocks[caption]!.endLine + 2), paragraph);
    assert.strictEqual(blockIndexAtLine(blocks, blocks[caption]!.startLine), caption);
    assert.ok(!blocks[paragraph]!.lines.some((l) => l.startsWith('圖：')), 'the caption’s lines are not the paragraph’s');
  });

  test('an indented line starts a paragraph after a full line that ends a sentence; a subhead needs no blank line', () => {
    const text = '　　美國商務部周二表示，將收緊對華出口\n管制，並擴大範圍至多家企業的子公司。\n　　要求滙豐盡快提交報告\n　　另就滙豐上周五出現的系統故障，金管\n局已要求盡快提交詳細調查報告。';
    assert.deepStrictEqual(
      reflow(text).map((b) => [b.kind, b.text]),
      [
        ['paragraph', '美國商務部周二表示，將收緊對華出口管制，並擴大範圍至多家企業的子公司。'],
        ['headline', '要求滙豐盡快提交報告'],
        ['paragraph', '另就滙豐上周五出現的系統故障，金管局已要求盡快提交詳細調查報告。'],
      ],
    );
  });

  test('a paragraph two captions interrupt stays one paragraph, the captions after it', () => {
    const text = '美國商務部周二表示，將多家中國企\n業列入實體清單，並收緊對華\n\n●圖為示威者\n\n出口管制，並擴大範圍至多家企業以\n及若干\n\n▲圖為另一張相片\n\n研究機構。\n　　第二段開始，內容。';
    assert.deepStrictEqual(
      reflow(text).map((b) => [b.startLine, b.endLine, b.kind, b.text]),
      [
        [0, 10, 'paragraph', '美國商務部周二表示，將多家中國企業列入實體清單，並收緊對華出口管制，並擴大範圍至多家企業以及若干研究機構。'],
        [3, 3, 'caption', '●圖為示威者'],
        [8, 8, 'caption', '▲圖為另一張相片'],
        [11, 11, 'paragraph', '第二段開始，內容。'],
      ],
    );
  });

  for (const file of fixtures) {
    test(`${file.replace('.blocks.json', '')}: the reviewed blocks`, () => {
      const expected = JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as { source: string; blocks: FixtureBlock[] };
      const source = fs.readFileSync(path.join(folder, expected.source), 'utf8');
      const actual = reflow(source).map((b) => ({ lines: `${b.startLine + 1}-${b.endLine + 1}`, kind: b.kind, text: b.text }));
      assert.deepStrictEqual(actual, expected.blocks);
    });
  }
});
