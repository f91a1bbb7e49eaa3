import * as assert from 'assert';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { convertInChunks, convertLines } from '../../src/core/conversion/chunkedConversion';
import { OPENCC_CONFIGS } from '../../src/core/conversion/locales';
import { applyReplacements } from '../../src/core/conversion/replacements';
import { referenceArticle } from './testData';

suite('line-by-line conversion', () => {
  const converter = new ChineseConverter();
  const article = referenceArticle();

  for (const [config, direction] of Object.entries(OPENCC_CONFIGS)) {
    test(`${config}: line by line equals whole-text opencc-js on the reference article, but for words broken over two lines`, () => {
      const convert = converter.converterFor(direction);
      const result = convertLines(article, convert);
      const whole = convert(article).split('\n');
      const lines = result.text.split('\n');
      assert.strictEqual(lines.length, whole.length);
      const differing = lines.flatMap((line, i) => (line === whole[i] ? [] : [i]));
      // Only the two lines around a break between Han characters may differ from plain opencc-js.
      const original = article.split('\n');
      for (const i of differing) {
        const breakBefore = i > 0 && /\p{Script=Han}$/u.test(original[i - 1]!) && /^\p{Script=Han}/u.test(original[i]!);
        const breakAfter = /\p{Script=Han}$/u.test(original[i]!) && /^\p{Script=Han}/u.test(original[i + 1] ?? '');
        assert.ok(breakBefore || breakAfter, `line ${i} differs away from a word break: ${lines[i]}`);
      }
      assert.strictEqual(applyReplacements(article, result.replacements), result.text);
    });
  }

  test('Taiwan phrases apply to words broken over two lines of the article (人工智⏎能 → 人工智⏎慧, 芯⏎片 → 晶⏎片)', () => {
    const lines = convertLines(article, converter.converterFor({ from: 'cn', to: 'twp' })).text.split('\n');
    assert.ok(lines[28]!.startsWith('慧領域'), lines[28]);
    assert.ok(lines[100]!.endsWith('對華晶') && lines[101]!.startsWith('片'), lines[100]);
  });

  test('keeps CRLF line ends and empty lines', () => {
    const convert = converter.converterFor({ from: 'hk', to: 'cn' });
    assert.strictEqual(convertLines('漢語\r\n\r\n體育', convert).text, '汉语\r\n\r\n体育');
  });

  test('chunked conversion equals line conversion, with progress up to 1', async () => {
    const convert = converter.converterFor({ from: 'hk', to: 'cn' });
    const text = article.repeat(20);
    const progress: number[] = [];
    const chunked = await convertInChunks(text, convert, { chunkSize: 4096, onProgress: (p) => progress.push(p) });
    const whole = convertLines(text, convert);
    assert.ok(chunked);
    assert.strictEqual(chunked.text, whole.text);
    assert.deepStrictEqual(chunked.replacements, whole.replacements);
    assert.ok(progress.length > 10);
    assert.strictEqual(progress[progress.length - 1], 1);
  });

  test('chunked conversion stops when cancelled', async () => {
    const token = { isCancellationRequested: false };
    const result = await convertInChunks(article.repeat(20), (s) => s, {
      chunkSize: 1024,
      token,
      onProgress: () => (token.isCancellationRequested = true),
    });
    assert.strictEqual(result, undefined);
  });
});
