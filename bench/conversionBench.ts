import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as OpenCC from 'opencc-js';
import { ChineseConverter } from '../src/core/conversion/chineseConverter';
import type { Direction } from '../src/core/conversion/locales';
import { PhraseOverrides } from '../src/core/conversion/phraseOverrides';
import { segmentationApplies } from '../src/core/conversion/segmentedConverter';
import { nowMs, summarize } from './stats';

export const DIRECTIONS: readonly { name: string; direction: Direction; config: string }[] = [
  { name: 'hk→cn', direction: { from: 'hk', to: 'cn' }, config: 'hk2s' },
  { name: 't→cn', direction: { from: 't', to: 'cn' }, config: 't2s' },
  { name: 'cn→t', direction: { from: 'cn', to: 't' }, config: 's2t' },
  { name: 'cn→hk', direction: { from: 'cn', to: 'hk' }, config: 's2hk' },
  // Debian's OpenCC 1.1.6 has no s2hkp.json: that row has no command-line figure.
  { name: 'cn→hkp', direction: { from: 'cn', to: 'hkp' }, config: 's2hkp' },
  { name: 'cn→tw', direction: { from: 'cn', to: 'tw' }, config: 's2tw' },
  { name: 'cn→twp', direction: { from: 'cn', to: 'twp' }, config: 's2twp' },
];

/** ~10 MB (UTF-8) of the article, its Simplified conversion and mixed Latin/Chinese lines. */
export function conversionCorpus(article: string): { traditional: string; simplified: string } {
  const simplifiedArticle = OpenCC.Converter({ from: 'hk', to: 'cn' })(article);
  const latin = 'Nvidia CEO Jensen Huang said US export controls on AI chips (H20, GP10) had "failed": 英偉達 lost 50% share.\n';
  let traditional = '';
  let simplified = '';
  while (Buffer.byteLength(traditional) < 10_000_000) {
    traditional += article + latin;
    simplified += simplifiedArticle + latin;
  }
  return { traditional, simplified };
}

export interface ThroughputRow {
  readonly direction: string;
  readonly ours: number;
  readonly bare: number;
  /** Ours with jieba segmentation, for Simplified → Traditional directions. */
  readonly segmented: number | undefined;
  readonly cli: number | undefined;
}

/**
 * MB/s of our core API (protected phrases on), bare opencc-js, ours segmented with jieba (Simplified →
 * Traditional), and the OpenCC command-line tool, on the same input.
 */
export function conversionThroughput(article: string, runs = 6): ThroughputRow[] {
  const corpus = conversionCorpus(article);
  const converter = new ChineseConverter();
  const overrides = new PhraseOverrides({ protectedPhrases: ['東涌', '东涌', '黃仁勳', '黄仁勋'] });
  const cli = fs.existsSync('/usr/bin/opencc') ? '/usr/bin/opencc' : undefined;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'br-bench-opencc-'));
  const rows: ThroughputRow[] = [];
  try {
    for (const { name, direction, config } of DIRECTIONS) {
      const input = direction.from === 'cn' ? corpus.simplified : corpus.traditional;
      const megabytes = Buffer.byteLength(input) / 1e6;
      const bare = OpenCC.Converter({ from: direction.from, to: direction.to });
      const ours = converter.converterFor(direction, overrides);
      const segmented = segmentationApplies(direction) ? converter.converterFor(direction, overrides, 'jieba') : undefined;
      const contenders: [(text: string) => string, number[]][] = [
        [ours, []],
        [bare, []],
      ];
      if (segmented) {
        contenders.push([segmented, []]);
      }
      for (const [convert] of contenders) {
        convert(input.slice(0, 1000));
      }
      // Interleaved runs, rotating the order, so that no contender always runs on a warmer or fuller heap.
      for (let i = 0; i < runs; i++) {
        for (let k = 0; k < contenders.length; k++) {
          const [convert, samples] = contenders[(i + k) % contenders.length]!;
          const start = nowMs();
          convert(input);
          samples.push(nowMs() - start);
        }
      }
      const rate = (samples: number[]) => megabytes / (summarize(samples).median / 1000);
      const oursRate = rate(contenders[0]![1]);
      const bareRate = rate(contenders[1]![1]);
      const segmentedRate = segmented ? rate(contenders[2]![1]) : undefined;
      let cliRate: number | undefined;
      if (cli && fs.existsSync(`/usr/share/opencc/${config}.json`)) {
        const inputFile = path.join(folder, `${config}.in.txt`);
        fs.writeFileSync(inputFile, input);
        const samples: number[] = [];
        for (let i = 0; i < runs; i++) {
          const start = nowMs();
          execFileSync(cli, ['-c', `${config}.json`, '-i', inputFile, '-o', path.join(folder, `${config}.out.txt`)]);
          samples.push(nowMs() - start);
        }
        cliRate = megabytes / (summarize(samples).median / 1000);
      }
      rows.push({ direction: name, ours: oursRate, bare: bareRate, segmented: segmentedRate, cli: cliRate });
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}

/** Time and heap to build each converter the first time, each in a fresh Node process. */
export function coldStart(root: string): { direction: string; ms: number; heapMB: number }[] {
  return DIRECTIONS.map(({ name, direction }) => {
    const script = `
      const { ConverterCache } = require(${JSON.stringify(path.join(root, 'out', 'src', 'core', 'conversion', 'converterCache.js'))});
      global.gc(); const heap = process.memoryUsage().heapUsed; const t = process.hrtime.bigint();
      const convert = new ConverterCache().get(${JSON.stringify(direction)}); convert('漢字汉字');
      const ms = Number(process.hrtime.bigint() - t) / 1e6; global.gc();
      console.log(JSON.stringify({ ms, heapMB: (process.memoryUsage().heapUsed - heap) / 1e6, keep: typeof convert }));`;
    const samples = [0, 1, 2].map(() => JSON.parse(spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' }).stdout) as { ms: number; heapMB: number });
    return { direction: name, ms: summarize(samples.map((s) => s.ms)).median, heapMB: summarize(samples.map((s) => s.heapMB)).median };
  });
}

/**
 * jieba's cold start in a fresh Node process, as the extension host meets it: load the module and
 * build its dictionary (the first cut), then build the segmented cn→hk converter (opencc-js
 * dictionaries included); the JavaScript heap and resident memory they add.
 */
export function segmenterColdStart(root: string): { loadMs: number; buildMs: number; heapMB: number; rssMB: number } {
  const script = `
    const { ConverterCache } = require(${JSON.stringify(path.join(root, 'out', 'src', 'core', 'conversion', 'converterCache.js'))});
    const cache = new ConverterCache();
    global.gc(); const heap = process.memoryUsage().heapUsed; const rss = process.memoryUsage().rss;
    let t = process.hrtime.bigint();
    cache.segmenter.load();
    const loadMs = Number(process.hrtime.bigint() - t) / 1e6;
    t = process.hrtime.bigint();
    const convert = cache.getSegmented({ from: 'cn', to: 'hk' }); convert('被发明');
    const buildMs = Number(process.hrtime.bigint() - t) / 1e6; global.gc();
    const m = process.memoryUsage();
    console.log(JSON.stringify({ loadMs, buildMs, heapMB: (m.heapUsed - heap) / 1e6, rssMB: (m.rss - rss) / 1e6, keep: typeof convert }));`;
  const samples = [0, 1, 2].map(() => JSON.parse(spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' }).stdout) as { loadMs: number; buildMs: number; heapMB: number; rssMB: number });
  const median = (pick: (s: (typeof samples)[number]) => number) => summarize(samples.map(pick)).median;
  return { loadMs: median((s) => s.loadMs), buildMs: median((s) => s.buildMs), heapMB: median((s) => s.heapMB), rssMB: median((s) => s.rssMB) };
}
