import * as assert from 'assert';
import { PhrasesFileReader } from '../../src/core/conversion/phrasesFile';

suite('phrases file', () => {
  const reader = new PhrasesFileReader();

  test('reads protected phrases and mappings, with comments and trailing commas', () => {
    const result = reader.read('{\n  // place names\n  "protected": ["東涌",],\n  "mappings": { "英偉達": "輝達" },\n}');
    assert.deepStrictEqual(result, { ok: true, spec: { protectedPhrases: ['東涌'], mappings: { 英偉達: '輝達' } } });
  });

  test('an empty object is valid', () => {
    assert.deepStrictEqual(reader.read('{}'), { ok: true, spec: { protectedPhrases: [], mappings: {} } });
  });

  test('a syntax error names its line and column', () => {
    const result = reader.read('{\n  "protected": ["東涌"\n  "mappings": {}\n}');
    assert.strictEqual(result.ok, false);
    if (!result.ok) {
      assert.strictEqual(result.problems[0]?.line, 3);
      assert.match(result.problems[0]!.message, /CommaExpected/);
    }
  });

  test('a schema error names the property and its line', () => {
    const result = reader.read('{\n  "protected": ["東涌"],\n  "mappings": { "a": 1 }\n}');
    assert.strictEqual(result.ok, false);
    if (!result.ok) {
      assert.match(result.problems[0]!.message, /\/mappings\/a must be string/);
      assert.strictEqual(result.problems[0]?.line, 3);
    }
  });

  test('unknown properties are reported, not ignored', () => {
    const result = reader.read('{ "protect": ["東涌"] }');
    assert.strictEqual(result.ok, false);
    if (!result.ok) {
      assert.match(result.problems[0]!.message, /additional properties/);
    }
  });
});
