import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { glossaryFigures } from './glossaryBench';
import { oneMegabyteWorkspace, readerEditExtensionSide } from './readerBench';
import { readerEditEndToEnd, removeFolder } from './readerEndToEnd';

const ROOT = path.resolve(__dirname, '..', '..');

interface Row {
  readonly measure: string;
  readonly unit: string;
  readonly median: number;
  readonly p99: number;
  readonly runs: number;
}

async function main(): Promise<void> {
  const article = fs.readFileSync(path.join(ROOT, 'samples', 'wenweipo-2025-05-22-chip-controls.zh-Hant-HK.txt'), 'utf8');
  const rows: Row[] = [];
  rows.push({ measure: 'reader: one-character edit on a 1 MB article, extension side', unit: 'ms', ...readerEditExtensionSide(article) });
  const glossary = glossaryFigures(article);
  rows.push(
    { measure: `glossary: build the term matcher (${glossary.entries} built-in entries)`, unit: 'ms', ...glossary.buildMatcher },
    { measure: `glossary: load CC-CEDICT (${glossary.dictionaryWords} written forms)`, unit: 'ms', ...glossary.loadDictionary },
    { measure: 'glossary: scan a 1 MB article (matcher only)', unit: 'ms', ...glossary.scanText },
    { measure: 'glossary: find the terms of a 1 MB document (reflow + scan + source ranges)', unit: 'ms', ...glossary.scanDocument },
    { measure: 'glossary: hover lookup of a term (cached document terms)', unit: 'ms', ...glossary.hoverTerm },
    { measure: 'glossary: hover lookup in CC-CEDICT', unit: 'ms', ...glossary.hoverDictionary },
  );
  const { folder, file } = oneMegabyteWorkspace(article);
  try {
    rows.push({
      measure: 'reader: one-character edit on a 1 MB article, key press to panel DOM (code-server + Chromium)',
      unit: 'ms',
      ...(await readerEditEndToEnd(folder, path.basename(file))),
    });
  } finally {
    removeFolder(folder);
  }
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    vscode: 'code-server 4.100.3 (VS Code 1.100.3)',
    chromium: execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(),
  };
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2));
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.os}; Node ${machine.node}; ${machine.vscode}; ${machine.chromium}`);
  console.log('| measure | median | p99 | runs |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const row of rows) {
    const digits = row.median < 0.1 ? 4 : 2;
    console.log(`| ${row.measure} | ${row.median.toFixed(digits)} ${row.unit} | ${row.p99.toFixed(digits)} ${row.unit} | ${row.runs} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
