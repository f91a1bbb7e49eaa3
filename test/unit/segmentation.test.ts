import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { reflow } from '../../src/core/reader/reflow';
import { segmentText } from '../../src/core/translation/segmentation';
import { referenceArticle } from './testData';

const sentencesOf = (text: string) => segmentText(text).map((s) => text.slice(s.start, s.end));

suite('sentence segmentation for translation (issue 14)', () => {
  test('Chinese sentences end at 。！？ and ；, closing quotes kept with them', () => {
    assert.deepStrictEqual(sentencesOf('美國商務部表示：「將收緊管制。」他說，這是第一步；下一步是H20晶片！真的嗎？'), [
      '美國商務部表示：「將收緊管制。」',
      '他說，這是第一步；',
      '下一步是H20晶片！',
      '真的嗎？',
    ]);
  });

  test('an opening quote after a sentence starts the next one (UAX #29 would keep it with the first)', () => {
    assert.deepStrictEqual(sentencesOf('預期更穩。「下一步是什麼？」他問。'), ['預期更穩。', '「下一步是什麼？」', '他問。']);
  });

  test('Latin sentences end at . ! ? before a space, not after abbreviations, initials or in numbers', () => {
    assert.deepStrictEqual(sentencesOf('The U.S. Commerce Department acted on Tuesday. Mr. Smith agreed; J. Doe did not. Shares fell 3.5% in Hong Kong.'), [
      'The U.S. Commerce Department acted on Tuesday.',
      'Mr. Smith agreed;',
      'J. Doe did not.',
      'Shares fell 3.5% in Hong Kong.',
    ]);
  });

  test('a lower-case word that is also an abbreviation ends a sentence ("no.", "dec."), the abbreviation does not', () => {
    assert.deepStrictEqual(sentencesOf('He said no. The next day No. 5 was sold.'), ['He said no.', 'The next day No. 5 was sold.']);
  });

  test('spaces around sentences (an ideographic indent included) are left out, blank text has none', () => {
    assert.deepStrictEqual(sentencesOf('\u3000\u3000第一句。  第二句。 '), ['第一句。', '第二句。']);
    assert.deepStrictEqual(segmentText(' \u3000 '), []);
    assert.deepStrictEqual(segmentText(''), []);
  });

  test('on every reflowed block of the reference article and the reflow fixtures: sentences cover the text, in order, and end where a sentence ends', () => {
    const folder = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'reflow');
    const texts = [referenceArticle(), ...fs.readdirSync(folder).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(folder, f), 'utf8'))];
    let sentences = 0;
    for (const text of texts) {
      for (const block of reflow(text)) {
        const spans = segmentText(block.text);
        assert.strictEqual(spans.map((s) => block.text.slice(s.start, s.end)).join('').replace(/\s/gu, ''), block.text.replace(/\s/gu, ''));
        spans.forEach((span, i) => {
          if (i > 0) {
            assert.ok(span.start >= spans[i - 1]!.end);
          }
          if (i < spans.length - 1) {
            const sentence = block.text.slice(span.start, span.end);
            assert.match(sentence, /[。！？；!?;.][」』”’）)》〉"']*$/u, sentence);
          }
        });
        sentences += spans.length;
      }
    }
    assert.ok(sentences > 150, `${sentences} sentences`);
  });
});
