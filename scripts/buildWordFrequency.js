// Writes dist/word-frequency.txt from jieba's dictionary (dict.txt, MIT, as the @node-rs/jieba package
// ships it: "word count part-of-speech" per line, counts from jieba's corpus): the 60,000 most frequent
// words made of Han characters only, most frequent first, one per line. The learner's reading level
// bands new words by their rank in it (src/core/learning/wordFrequency.ts).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'node_modules', '@node-rs', 'jieba', 'dict.txt');
const target = path.join(root, 'dist', 'word-frequency.txt');
/** Words kept: past this rank a word is "unlisted" anyway (wordFrequency.ts bands end at 50,000). */
const KEPT = 60000;
const HAN_ONLY = /^\p{Script=Han}+$/u;

function buildWordFrequency() {
  if (fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(source).mtimeMs) {
    return;
  }
  const words = [];
  for (const line of fs.readFileSync(source, 'utf8').split('\n')) {
    const [word, count] = line.split(' ');
    if (word && HAN_ONLY.test(word) && Number(count) > 0) {
      words.push([word, Number(count)]);
    }
  }
  // Most frequent first; between equal counts, the order of the dictionary (stable sort).
  words.sort((a, b) => b[1] - a[1]);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, words.slice(0, KEPT).map(([word]) => word).join('\n') + '\n');
}

module.exports = { buildWordFrequency };

if (require.main === module) {
  buildWordFrequency();
}
