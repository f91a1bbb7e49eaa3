import * as assert from 'assert';
import { reflow } from '../../src/core/reader/reflow';
import { loadTmx } from '../../src/core/lazyModules';
import { TmxJson, unitsFromTmx, unitsFromTranslations } from '../../src/core/translation/memoryUnits';
import { alignTranslations, articleSegments, segmentSelectors, StoredTranslation } from '../../src/core/translation/segmentTranslations';
import { countedCharacters, translationProgress } from '../../src/core/translation/translationProgress';

const TEXT = '美國商務部周二宣布收緊對華晶片出口管制。英偉達損失逾150億美元！\n\nNvidia said "no," again.';

function translation(text: string, index: number, target: string, state: StoredTranslation['state']): StoredTranslation {
  const segment = articleSegments(reflow(text))[index]!;
  return { id: `t${index}`, created: '2026-11-30T00:00:00Z', modified: '2026-11-30T00:00:00Z', target, state, selector: segmentSelectors(text, segment) };
}

const readTmx = (xml: string) => new Promise<TmxJson>((resolve, reject) => loadTmx().tmx2js(xml, (error, value) => (error ? reject(error) : resolve(value))));

suite('translation progress and memory units (issue 14)', () => {
  test('characters are counted as CAT tools count Chinese: each Han character, letters and digits; no spaces or punctuation', () => {
    assert.strictEqual(countedCharacters('美國收緊出口管制。'), 8);
    assert.strictEqual(countedCharacters('英偉達損失逾150億美元！'), 12);
    assert.strictEqual(countedCharacters('Nvidia said "no," again.'), 17);
    assert.strictEqual(countedCharacters(''), 0);
  });

  test('segments done are translated or reviewed on their current source; drafts and changed sources are begun', () => {
    const stored = [translation(TEXT, 0, 'The US tightened export controls.', 'translated'), translation(TEXT, 1, 'Nvidia lost', 'draft')];
    const before = translationProgress(alignTranslations(TEXT, articleSegments(reflow(TEXT)), stored).segments);
    assert.deepStrictEqual(before, { segments: 3, done: 1, begun: 1, characters: 19 + 12 + 17, doneCharacters: 19 });
    // The first sentence edited: its translation is kept but "source changed", so no longer done.
    const edited = TEXT.replace('收緊', '收窄');
    const after = translationProgress(alignTranslations(edited, articleSegments(reflow(edited)), stored).segments);
    assert.deepStrictEqual(after, { segments: 3, done: 0, begun: 2, characters: 48, doneCharacters: 0 });
  });

  test('memory units from a translation file: begun translations with a text, sourced by their quote', () => {
    const units = unitsFromTranslations(
      [translation(TEXT, 0, 'The US tightened export controls.', 'translated'), translation(TEXT, 1, '', 'initial'), translation(TEXT, 2, 'Nvidia said no again.', 'draft')],
      'a.txt.translation.json',
    );
    assert.deepStrictEqual(units, [
      { source: '美國商務部周二宣布收緊對華晶片出口管制。', target: 'The US tightened export controls.', origin: 'a.txt.translation.json' },
      { source: 'Nvidia said "no," again.', target: 'Nvidia said no again.', origin: 'a.txt.translation.json' },
    ]);
  });

  test('memory units from TMX as OmegaT writes it (no tuid, EN-US), read by tmexchange; other languages and half units skipped', async () => {
    const tmx = await readTmx(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6.0" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="ZH-CN" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="ZH-CN"><seg>美国收紧出口管制。</seg></tuv><tuv xml:lang="EN-US"><seg>The US tightened export controls.</seg></tuv></tu>
<tu><tuv xml:lang="ZH-CN"><seg>只有原文。</seg></tuv></tu>
<tu><tuv xml:lang="ZH-CN"><seg>德文。</seg></tuv><tuv xml:lang="DE"><seg>Deutsch.</seg></tuv></tu>
</body></tmx>`);
    assert.deepStrictEqual(unitsFromTmx(tmx, 'en', 'memory.tmx'), [{ source: '美国收紧出口管制。', target: 'The US tightened export controls.', origin: 'memory.tmx' }]);
    assert.deepStrictEqual(unitsFromTmx(tmx, 'de', 'memory.tmx'), [{ source: '德文。', target: 'Deutsch.', origin: 'memory.tmx' }]);
  });

  test('memory units from TMX as the export writes it (tuids, a group per article) come back whole', async () => {
    const tmx = await readTmx(`<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4b"><header creationtool="Bilingual Reader" creationtoolversion="1" adminlang="zh-HK" datatype="PlainText" segtype="sentence" o-tmf="Bilingual Reader" srclang="zh-HK"/>
<body><tu tuid="s1"><prop type="group">a.txt</prop><tuv xml:lang="zh-HK"><seg>美國收緊出口管制。</seg></tuv><tuv xml:lang="en"><seg>The US tightened export controls.</seg></tuv></tu></body></tmx>`);
    assert.deepStrictEqual(unitsFromTmx(tmx, 'en-GB', 'a.tmx'), [{ source: '美國收緊出口管制。', target: 'The US tightened export controls.', origin: 'a.tmx' }]);
  });
});
