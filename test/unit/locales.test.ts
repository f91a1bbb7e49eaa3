import * as assert from 'assert';
import { parseDirection } from '../../src/core/conversion/locales';

suite('locales', () => {
  test('parses { from, to } with OpenCC locale names', () => {
    assert.deepStrictEqual(parseDirection({ from: 'hk', to: 'cn' }), { from: 'hk', to: 'cn' });
    assert.deepStrictEqual(parseDirection({ from: 'cn', to: 'twp', extra: 1 }), { from: 'cn', to: 'twp' });
  });

  test('rejects unknown locales, identical ends and non-objects', () => {
    for (const value of [undefined, null, 'hk', { from: 'xx', to: 'cn' }, { from: 'cn' }, { from: 'cn', to: 'cn' }]) {
      assert.strictEqual(parseDirection(value), undefined, JSON.stringify(value));
    }
  });
});
