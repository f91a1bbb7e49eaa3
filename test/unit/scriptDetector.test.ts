import * as assert from 'assert';
import { ConverterCache } from '../../src/core/conversion/converterCache';
import { ScriptDetector } from '../../src/core/detection/scriptDetector';
import { referenceArticle } from './testData';

suite('script detection', () => {
  const detector = new ScriptDetector(new ConverterCache());

  test('the reference article is Traditional, Hong Kong usage', () => {
    const profile = detector.detect(referenceArticle());
    assert.strictEqual(profile.kind, 'traditional');
    assert.ok(profile.traditionalShare > 0.95, `share ${profile.traditionalShare}`);
    assert.strictEqual(profile.hongKongLike, true);
  });

  test('Simplified text', () => {
    const profile = detector.detect('美国芯片巨头英伟达公司总裁黄仁勋再次批评');
    assert.strictEqual(profile.kind, 'simplified');
    assert.strictEqual(profile.hongKongLike, false);
  });

  test('Taiwan text is Traditional but not Hong Kong usage', () => {
    const profile = detector.detect('這個軟體的記憶體不足，請聯絡執行長，裡面的資料都在網路上。');
    assert.strictEqual(profile.kind, 'traditional');
    assert.strictEqual(profile.hongKongLike, false);
  });

  test('mixed scripts', () => {
    const profile = detector.detect('漢語體育國家 汉语体育国家');
    assert.strictEqual(profile.kind, 'mixed');
    assert.ok(Math.abs(profile.traditionalShare - 0.5) < 0.01);
  });

  test('no Chinese, or only characters both scripts share', () => {
    assert.strictEqual(detector.detect('Hello, world').kind, 'none');
    assert.strictEqual(detector.detect('中文的人').kind, 'none');
  });
});
