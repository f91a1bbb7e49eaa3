import * as fs from 'fs';
import * as path from 'path';
import { ChineseConverter } from '../src/core/conversion/chineseConverter';
import { builtinEntries } from '../src/core/glossary/builtinGlossary';
import { CedictDictionary } from '../src/core/glossary/cedictDictionary';
import { TermMatcher } from '../src/core/glossary/termMatcher';
import { readColumns } from '../src/core/readings/columnReadings';
import { ReadingService } from '../src/core/readings/readingService';
import type { ReadingSystem } from '../src/core/readings/readingSystem';
import { reflow } from '../src/core/reader/reflow';
import { articleOfSize, nowMs, summarize } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ReadingFigures {
  /** The reader's readings of every block, both columns, by system. */
  readonly megabyte: Readonly<Record<ReadingSystem, ReturnType<typeof summarize>>>;
  /** pinyin-pro alone on the Simplified column, as the reader read it before the reading service (the anchor). */
  readonly megabytePinyinProAlone: ReturnType<typeof summarize>;
  readonly article: ReturnType<typeof summarize>;
  readonly articlePinyinProAlone: ReturnType<typeof summarize>;
}

/** Readings of a 1 MB article and of the reference article, block by block as the reader computes them. */
export function readingFigures(article: string): ReadingFigures {
  const converter = new ChineseConverter();
  const direction = { from: 'hk', to: 'cn' } as const;
  const service = new ReadingService(
    (text) => converter.convert(text, { from: 't', to: 'cn' }),
    (text) => converter.convert(text, { from: 'cn', to: 'hk' }),
  );
  const matcher = new TermMatcher(builtinEntries('Built-in glossary'));
  const dictionary = CedictDictionary.parse(fs.readFileSync(path.join(ROOT, 'dist', 'cedict.tsv'), 'utf8'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pinyinPro = require('pinyin-pro') as typeof import('pinyin-pro');
  const prepare = (text: string) => reflow(text).map((block) => ({ original: block.text, converted: converter.convert(block.text, direction) }));
  const timeAll = (blocks: ReturnType<typeof prepare>, runs: number, read: (b: (typeof blocks)[number]) => void) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = nowMs();
      blocks.forEach(read);
      times.push(nowMs() - start);
    }
    return summarize(times);
  };
  const withService = (system: ReadingSystem) => (b: { original: string; converted: string }) =>
    readColumns(service, { ...b, direction }, { system, matcher, dictionary });
  const alone = (b: { converted: string }) => pinyinPro.pinyin(b.converted, { type: 'all', toneType: 'symbol' });
  const small = prepare(article);
  const large = prepare(articleOfSize(article, 1_000_000));
  timeAll(small, 2, withService('pinyin+jyutping'));
  return {
    megabyte: {
      pinyin: timeAll(large, 3, withService('pinyin')),
      jyutping: timeAll(large, 3, withService('jyutping')),
      zhuyin: timeAll(large, 3, withService('zhuyin')),
      'pinyin+jyutping': timeAll(large, 3, withService('pinyin+jyutping')),
    },
    megabytePinyinProAlone: timeAll(large, 3, alone),
    article: timeAll(small, 20, withService('pinyin')),
    articlePinyinProAlone: timeAll(small, 20, alone),
  };
}
