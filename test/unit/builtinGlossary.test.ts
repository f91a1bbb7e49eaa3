import * as assert from 'assert';
import Ajv from 'ajv';
import * as OpenCC from 'opencc-js';
import builtin from '../../src/core/glossary/builtinGlossary.json';
import { builtinEntries } from '../../src/core/glossary/builtinGlossary';
import { findDocumentTerms } from '../../src/core/glossary/documentTerms';
import { TermMatcher } from '../../src/core/glossary/termMatcher';
import schema from '../../schemas/glossary.schema.json';
import { referenceArticle } from './testData';

/**
 * Simplified forms that deliberately differ from OpenCC's hk → cn: names kept as their owners write
 * them (Huawei's brand 昇腾, not 升腾; 王玨; 奇鋐, where OpenCC gives the rare 𬭎 that most fonts
 * lack), and Cantonese 嗰, written so in Mainland Cantonese too (OpenCC's 𠮶 is a dictionary form).
 */
const SIMPLIFIED_EXCEPTIONS = new Set(['昇騰', '王玨', '奇鋐', '嗰']);

suite('built-in glossary', () => {
  const entries = builtinEntries('Built-in glossary');
  const hk2cn = OpenCC.Converter({ from: 'hk', to: 'cn' });

  test('validates against the shipped glossary schema', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(builtin), JSON.stringify(validate.errors?.slice(0, 3)));
  });

  test('has at least 150 entries, each with English, pinyin in tone marks and a domain', () => {
    assert.ok(entries.length >= 150, `${entries.length} entries`);
    for (const e of entries) {
      assert.ok(e.english.length > 0 && e.english.every((x) => x.trim().length > 0), e.term);
      assert.ok(!/\d/.test(e.pinyin ?? ''), `${e.term}: pinyin with tone numbers`);
      assert.ok(/[\p{Script=Han}]/u.test(e.term) === Boolean(e.pinyin), `${e.term}: pinyin for Chinese terms only`);
      assert.ok(e.domain, e.term);
      assert.ok(!e.note || !e.note.includes('\n'), `${e.term}: one-line note`);
    }
  });

  test('no written form belongs to two entries', () => {
    const owner = new Map<string, string>();
    for (const e of entries) {
      for (const form of new Set([e.traditional!, e.simplified!, ...e.variants])) {
        assert.ok(!owner.has(form) || owner.get(form) === e.term, `${form} is in ${owner.get(form)} and ${e.term}`);
        owner.set(form, e.term);
      }
    }
  });

  test('Simplified forms are OpenCC hk → cn of the Traditional ones, but for listed brand spellings', () => {
    const differing = entries.filter((e) => hk2cn(e.traditional!) !== e.simplified).map((e) => e.term);
    assert.deepStrictEqual(differing.filter((t) => !SIMPLIFIED_EXCEPTIONS.has(t)), []);
  });

  test('regional variants: 芯片/晶片, 人工智能/人工智慧, 英偉達/輝達', () => {
    const find = (t: string) => entries.find((e) => e.traditional === t)!;
    assert.ok(find('芯片').variants.includes('晶片'));
    assert.ok(find('人工智能').variants.includes('人工智慧'));
    assert.ok(find('英偉達').variants.includes('輝達'));
  });

  test('covers the policy, legal, institutional, company and technology terms of the reference article', () => {
    const hits = findDocumentTerms(referenceArticle(), new TermMatcher(entries));
    const found = new Set(hits.map((h) => h.entry.term));
    const required = [
      '出口管制', '實體清單', '不可靠實體清單', '人工智能擴散規則', '人工智能擴散出口管制框架', '通用禁令10', '反外國制裁法', '阻斷法',
      '阻斷外國法律與措施不當域外適用辦法', '工業與安全局', '301調查', '成熟製程', '昇騰', '英偉達', '中芯', '鎵', '鍺', '華為',
      '首席執行官', '美國商務部', '商務部', '外交部', '半導體', '先進計算芯片', '圖形處理器', '國際數據公司', '歐盟委員會', '軍民兩用物項',
      '中國社會科學院', '國產替代', '東盟', '鴻蒙', '操作系統', '算力', '黑名單', '降規', '芯片', '人工智能', 'H20', 'DeepSeek', 'TikTok',
    ];
    assert.deepStrictEqual(required.filter((t) => !found.has(t)), []);
    const english = (t: string) => hits.find((h) => h.entry.term === t)!.entry.english[0];
    assert.strictEqual(english('實體清單'), 'Entity List');
    assert.strictEqual(english('不可靠實體清單'), 'Unreliable Entity List');
    assert.strictEqual(english('工業與安全局'), 'Bureau of Industry and Security');
    assert.strictEqual(english('通用禁令10'), 'General Prohibition 10');
  });
});
