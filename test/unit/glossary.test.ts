import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CedictDictionary } from '../../src/core/glossary/cedictDictionary';
import { findDocumentTerms, termAtOffset } from '../../src/core/glossary/documentTerms';
import type { GlossaryEntry, GlossaryOrigin } from '../../src/core/glossary/glossaryEntry';
import { addEntryToJsonGlossary } from '../../src/core/glossary/glossaryEditing';
import { MAX_GLOSSARY_FILE_BYTES, GlossaryReader, termsToCsv, termsToTbx } from '../../src/core/glossary/glossaryFiles';
import { TermMatcher } from '../../src/core/glossary/termMatcher';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { ReadingService } from '../../src/core/readings/readingService';
import { referenceArticle } from './testData';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'glossaries');

function entry(term: string, english: string, extra: Partial<GlossaryEntry> = {}, origin: GlossaryOrigin = 'builtin'): GlossaryEntry {
  return { term, variants: [], english: [english], origin, sourceName: origin, ...extra };
}

suite('term matcher', () => {
  const matcher = new TermMatcher([
    entry('實體清單', 'Entity List', { simplified: '实体清单' }),
    entry('不可靠實體清單', 'Unreliable Entity List', { simplified: '不可靠实体清单' }),
    entry('芯片', 'chip', { variants: ['晶片'] }),
    entry('301調查', 'Section 301 investigation', { simplified: '301调查' }),
    entry('𠮷野家', 'Yoshinoya'),
  ]);
  const found = (text: string) => matcher.findAll(text).map((h) => [text.slice(h.start, h.end), h.entry.english[0]]);

  test('matches Traditional, Simplified and regional variants of one entry', () => {
    assert.deepStrictEqual(found('實體清單、实体清单、芯片、晶片'), [
      ['實體清單', 'Entity List'],
      ['实体清单', 'Entity List'],
      ['芯片', 'chip'],
      ['晶片', 'chip'],
    ]);
  });

  test('longest match wins: the Unreliable Entity List is not the Entity List', () => {
    assert.deepStrictEqual(found('列入不可靠實體清單'), [['不可靠實體清單', 'Unreliable Entity List']]);
  });

  test('spaces inside a term are tolerated next to digits and between Han characters, not elsewhere', () => {
    assert.deepStrictEqual(found('的 301 調查，以'), [['301 調查', 'Section 301 investigation']]);
    assert.deepStrictEqual(found('實體 清單'), [['實體 清單', 'Entity List']]);
    assert.deepStrictEqual(found('實體 A 清單'), []);
  });

  test('offsets are UTF-16 code units, surrogate pairs included', () => {
    const text = '𩸽和𠮷野家';
    const [hit] = matcher.findAll(text);
    assert.deepStrictEqual([hit!.start, hit!.end], [3, 7]);
  });

  test('a workspace entry wins over a built-in one with the same form', () => {
    const both = new TermMatcher([entry('出口管制', 'export controls'), entry('出口管制', 'export control regime', {}, 'workspace'), entry('出口管制', 'user', {}, 'user')]);
    assert.strictEqual(both.findAll('出口管制')[0]!.entry.english[0], 'export control regime');
  });

  test('scans a 1 MB article in one pass, every occurrence found', () => {
    const article = referenceArticle();
    let text = '';
    while (Buffer.byteLength(text) < 1_000_000) {
      text += article;
    }
    const copies = text.length / article.length;
    const hits = matcher.findAll(text);
    const perCopy = matcher.findAll(article).length;
    assert.strictEqual(hits.length, perCopy * copies);
  });
});

suite('terms in a document', () => {
  const article = referenceArticle();
  const matcher = new TermMatcher([entry('實體清單', 'Entity List'), entry('出口管制', 'export controls'), entry('301調查', 'Section 301 investigation')]);
  const hits = findDocumentTerms(article, matcher);

  test('a term broken by a PDF line break is one term, hoverable from either half', () => {
    const start = article.indexOf('實體\n\n清單');
    const hit = termAtOffset(hits, start);
    assert.ok(hit, 'hovering 實 finds the term');
    assert.strictEqual(hit.text, '實體清單');
    assert.deepStrictEqual(hit.pieces.map((p) => article.slice(p.start, p.end)), ['實體', '清單']);
    assert.strictEqual(termAtOffset(hits, start + 5), hit, 'hovering 單 finds the same term');
    assert.strictEqual(termAtOffset(hits, start + 2), undefined, 'the line break itself is no part of it');
  });

  test('301 調查 with a space, and 出口管制 split over two lines', () => {
    assert.ok(hits.some((h) => h.text === '301 調查'));
    const split = hits.filter((h) => h.text === '出口管制' && h.pieces.length === 2);
    assert.ok(split.length >= 2, `found ${split.length} split occurrences`);
  });
});

suite('CC-CEDICT lookup', () => {
  const dictionary = CedictDictionary.parse('銀行\t银行\tyín háng\tbank\n行\t行\tháng\trow / line\n行\t行\txíng\tto walk\n實體\t实体\tshí tǐ\tentity\n');

  test('the longest word at a position, in either script', () => {
    assert.strictEqual(dictionary.lookup('去銀行', 1)?.word, '銀行');
    assert.strictEqual(dictionary.lookup('去银行', 1)?.entries[0]?.pinyin, 'yín háng');
    assert.deepStrictEqual(dictionary.lookup('行', 0)?.entries.map((e) => e.pinyin), ['háng', 'xíng']);
    assert.strictEqual(dictionary.lookup('今天', 0), undefined);
  });
});

suite('glossary files', () => {
  const reader = new GlossaryReader();
  const read = (name: string, format: 'json' | 'tsv' | 'tbx') => reader.read(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), format, 'user', name);

  test('hostile files are refused with a message, never parsed (issue 13)', () => {
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY lol "${'哈'.repeat(20000)}">]>\n<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>&lol;&lol;&lol;</term></tig></langSet></termEntry></body></text></martif>`;
    const internal = reader.read(laughs, 'tbx', 'user', 'laughs.tbx');
    assert.deepStrictEqual(internal.entries, []);
    assert.match(internal.problems[0]!.message, /entity declarations/);
    assert.strictEqual(internal.problems[0]!.line, 2);
    const external = reader.read('<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]><martif><text><body/></text></martif>', 'tbx', 'user', 'x.tbx');
    assert.match(external.problems[0]!.message, /entity declarations/);
    const huge = reader.read('出口管制\texport controls\n'.repeat(Math.ceil((MAX_GLOSSARY_FILE_BYTES + 1) / 28)), 'tsv', 'user', 'huge.tsv');
    assert.deepStrictEqual(huge.entries, []);
    assert.match(huge.problems[0]!.message, /over the 16 MB limit/);
    const standard = reader.read('<martif><text><body><termEntry><langSet xml:lang="zh"><tig><term>研發&amp;生產</term></tig></langSet><langSet xml:lang="en"><tig><term>R&amp;D</term></tig></langSet></termEntry></body></text></martif>', 'tbx', 'user', 'ok.tbx');
    assert.deepStrictEqual(standard.entries.map((e) => [e.term, e.english[0]]), [['研發&生產', 'R&D']], 'the five XML entities still work');
  });

  test('JSON with comments and trailing commas', () => {
    const { entries, problems } = read('workspace-glossary.json', 'json');
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(entries[0]!.term, '昇騰');
    assert.deepStrictEqual(entries[0]!.english, ['Ascend (Huawei AI chips)']);
  });

  test('a JSON entry without English is reported with its line', () => {
    const { entries, problems } = reader.read('{\n  "entries": [\n    { "term": "a", "english": "b" },\n    { "term": "c" }\n  ]\n}', 'json', 'user', 'x');
    assert.strictEqual(entries.length, 0);
    assert.strictEqual(problems[0]!.line, 4);
    assert.match(problems[0]!.message, /english/);
  });

  test('OmegaT tab-separated: comments skipped, a line without target reported by number', () => {
    const { entries, problems } = read('omegat-glossary.txt', 'tsv');
    assert.deepStrictEqual(
      entries.map((e) => [e.term, e.english[0], e.note]),
      [
        ['出口管制', 'export controls (user glossary)', 'User override of the built-in entry'],
        ['301 調查', 'Section 301 investigation', undefined],
        ['阻斷法', 'Blocking Rules', undefined],
      ],
    );
    assert.deepStrictEqual(problems.map((p) => p.line), [6]);
  });

  test('TBX 2 (martif) with tig and ntig, region-tagged Chinese', () => {
    const { entries, problems } = read('trade-terms.tbx', 'tbx');
    assert.deepStrictEqual(
      entries.map((e) => ({ term: e.term, traditional: e.traditional, simplified: e.simplified, english: e.english })),
      [
        { term: '實體清單', traditional: '實體清單', simplified: '实体清单', english: ['Entity List'] },
        { term: '晶片', traditional: '晶片', simplified: '芯片', english: ['chip', 'integrated circuit'] },
      ],
    );
    assert.match(entries[0]!.note ?? '', /export control|15 CFR/);
    assert.strictEqual(problems.length, 1, 'the French-only entry is reported');
  });

  test('TBX 3 (tbx, conceptEntry, langSec, termSec)', () => {
    const { entries } = read('ai-terms.tbx', 'tbx');
    assert.deepStrictEqual(entries[0]!.english, ['AI Diffusion Rule', 'Framework for Artificial Intelligence Diffusion']);
    assert.strictEqual(entries[0]!.simplified, '人工智能扩散规则');
  });

  test('broken XML names its line', () => {
    const { problems } = reader.read('<martif>\n<text>\n<body>\n</text>', 'tbx', 'user', 'x');
    assert.ok(problems[0]!.line >= 3, JSON.stringify(problems));
  });

  test('exported TBX reads back as the same terms; CSV has a header and one row per term', () => {
    const terms = [
      { entry: entry('實體清單', 'Entity List', { traditional: '實體清單', simplified: '实体清单', note: 'US list' }), count: 3 },
      { entry: entry('芯片', 'chip', { simplified: '芯片' }), count: 9 },
    ];
    const back = reader.read(termsToTbx(terms, 'test'), 'tbx', 'user', 'x');
    assert.deepStrictEqual(back.problems, []);
    assert.deepStrictEqual(back.entries.map((e) => [e.traditional, e.simplified, e.english, e.note]), [
      ['實體清單', '实体清单', ['Entity List'], 'US list'],
      [undefined, '芯片', ['chip'], undefined],
    ]);
    const csv = termsToCsv(terms).replace(/^\uFEFF/, '').trim().split('\n');
    assert.strictEqual(csv[0], 'term,traditional,simplified,pinyin,english,note,domain,occurrences,glossary');
    assert.strictEqual(csv.length, 3);
  });
});

suite('adding to a JSON glossary', () => {
  test('creates the file, then adds and replaces entries while keeping comments', () => {
    const first = addEntryToJsonGlossary(undefined, { term: '晶片', english: ['chip'] });
    assert.ok(first.ok);
    const commented = first.text.replace('{', '{\n  // my terms');
    const second = addEntryToJsonGlossary(commented, { term: '算力', english: ['computing power'], pinyin: 'suànlì' });
    assert.ok(second.ok);
    assert.ok(second.text.includes('// my terms'));
    const replaced = addEntryToJsonGlossary(second.text, { term: '晶片', english: ['microchip'] });
    assert.ok(replaced.ok);
    const parsed = new GlossaryReader().read(replaced.text, 'json', 'workspace', 'x');
    assert.deepStrictEqual(parsed.entries.map((e) => [e.term, e.english[0]]), [['晶片', 'microchip'], ['算力', 'computing power']]);
  });

  test('refuses to touch a file that does not parse', () => {
    const broken = '{ "entries": [ { "term": "a" ';
    assert.deepStrictEqual(addEntryToJsonGlossary(broken, { term: 'b', english: ['c'] }).ok, false);
  });
});

suite('pinyin', () => {
  const converter = new ChineseConverter();
  const service = new ReadingService((text) => converter.convert(text, { from: 'hk', to: 'cn' }));

  test('reads polyphones by word, offsets per Han character', () => {
    const track = service.read('去银行，行走。𠮷', 'pinyin');
    assert.deepStrictEqual(track.get(1), ['yín']);
    assert.deepStrictEqual(track.get(2), ['háng']);
    assert.deepStrictEqual(track.get(4), ['xíng']);
    assert.strictEqual(track.has(3), false, 'punctuation has no reading');
  });

  test('reads a new glossary term as pinyin, syllables separated by spaces', () => {
    const term = '银行';
    assert.strictEqual(service.readingOf(term, 0, term.length, 'pinyin', { simplified: term }), 'yín háng');
  });
});
