import type { DictGroup, Trie } from 'opencc-js';
import { characterLength, HAN } from '../text/characters';
import { Direction, directionKey, OPENCC_CONFIGS } from './locales';
import type { WordSegmenter } from './wordSegmenter';

type OpenCCModule = typeof import('opencc-js');

/** An OpenCC configuration as opencc-js ships it (`Locale.configs`): the dictionaries of each step. */
interface OpenCCConfig {
  readonly normalizationChain?: readonly DictGroup[];
  readonly conversionChain: readonly DictGroup[];
}

/**
 * Whether a direction converts word by word when segmentation is on: every Simplified → Traditional
 * direction. Traditional → Simplified is not segmented: on OpenCC's test cases segmenting it broke
 * 3 (hk2s) to 25 (tw2sp) cases that plain matching gets right — jieba's dictionary is Simplified and
 * cuts Taiwan terms such as 滑鼠 and 二極體 — and on the reference article it changed nothing.
 */
export function segmentationApplies(direction: Direction): boolean {
  return direction.from === 'cn' && configName(direction) !== undefined;
}

/**
 * A converter that segments the text into words with `segmenter` (jieba) before each OpenCC step
 * matches phrases, as OpenCC's `*_jieba` configurations do, so that a phrase never takes the end of
 * one word and the start of the next: 被发明 is 被|发明, so 发 stays 發 instead of forming 被髮.
 *
 * The rule, per conversion step (OpenCC's longest match, over opencc-js's dictionaries for the
 * direction's config): a dictionary phrase may lie inside one word, or cover whole words from a
 * word boundary to a word boundary (臊子|面 → 臊子麪, 芒果|干 → 芒果乾: jieba does not know
 * the dish), but never cut a word. A two-character phrase covering two words is allowed only when
 * jieba's own dictionary lacks it (jieba knows 并为 and still cut 并|为 in 并为统辖, so 並為, not 併為);
 * in the steps after the first, which match Traditional text, jieba's Simplified dictionary seldom has
 * the phrase, so such joins pass there.
 * Over OpenCC's US Constitution text this gives the `*_jieba` golden outputs byte for byte, and
 * OpenCC's test cases all pass but two, where jieba's cut and OpenCC's phrase disagree (若干|周后,
 * 内|卷; test/unit/openccTestcases.test.ts lists them).
 *
 * @throws Error when the direction has no OpenCC config (see `segmentationApplies`)
 */
export function segmentedConverter(opencc: OpenCCModule, direction: Direction, segmenter: WordSegmenter): (text: string) => string {
  const name = configName(direction);
  const config = name ? (opencc.Locale.configs as Record<string, OpenCCConfig>)[name] : undefined;
  if (!config) {
    throw new Error(`No OpenCC configuration converts ${direction.from} → ${direction.to}`);
  }
  const normalize = config.normalizationChain ? opencc.ConverterFactory(...config.normalizationChain) : (text: string) => text;
  const steps = config.conversionChain.map((group) => {
    const trie = new opencc.Trie();
    trie.loadDictGroup(group);
    return trie;
  });
  const mayJoin = (phrase: string) => phrase.length > 2 || !segmenter.isWord(phrase);
  return (text: string) => {
    let current = normalize(text);
    if (!HAN.test(current)) {
      return current;
    }
    let boundaries = wordBoundaries(current, steps, segmenter);
    for (const trie of steps) {
      [current, boundaries] = convertStep(trie, current, boundaries, mayJoin);
    }
    return current;
  };
}

/** OpenCC's config name of each direction it has one for (`cn→hk` → `s2hk`), looked up on every conversion. */
const CONFIG_NAMES = new Map(Object.entries(OPENCC_CONFIGS).map(([name, direction]) => [directionKey(direction), name]));

function configName(direction: Direction): string | undefined {
  return CONFIG_NAMES.get(directionKey(direction));
}

/**
 * 1 at each UTF-16 offset where a word starts or ends (0 and text.length included). jieba cuts each
 * clause (a run of Han characters, Latin letters, digits and the few signs jieba keeps inside words)
 * on its own, so only the clauses where some OpenCC step would match a phrase of two or more
 * characters are cut; in the others every step matches single characters, which no boundary
 * changes. That skips jieba for about 40% of news text (the reference article: 39%). Between clauses
 * (punctuation, spaces) no boundary is needed: a phrase reaching across one starts and ends at clause
 * edges, which are boundaries.
 */
function wordBoundaries(text: string, steps: readonly Trie[], segmenter: WordSegmenter): Uint8Array {
  const boundaries = new Uint8Array(text.length + 1);
  boundaries[0] = 1;
  boundaries[text.length] = 1;
  const starts: number[] = [];
  const clauses: string[] = [];
  for (const clause of text.matchAll(CLAUSE)) {
    boundaries[clause.index] = 1;
    boundaries[clause.index + clause[0].length] = 1;
    if (matchesPhrase(steps, clause[0])) {
      starts.push(clause.index);
      clauses.push(clause[0]);
    }
  }
  if (clauses.length === 0) {
    return boundaries;
  }
  // One call for all of them (each call into the WebAssembly costs): joined by line breaks, which
  // jieba cuts at anyway and returns as words of their own.
  let words: string[];
  try {
    words = segmenter.cut(clauses.join('\n'));
  } catch {
    // jieba failed on this text (it loaded, or this converter would not exist): convert it as plain OpenCC does.
    return boundaries;
  }
  let clause = 0;
  let offset = starts[0]!;
  for (const word of words) {
    if (word === '\n') {
      offset = starts[++clause]!;
      continue;
    }
    offset += word.length;
    boundaries[offset] = 1;
  }
  return boundaries;
}

/** What jieba-rs keeps in one block (its default pattern): Han characters, ASCII letters and digits, +#&._%-. */
// Bounded, so that a run of millions of characters is cut into pieces rather than overflow the regex engine.
const CLAUSE = /[\p{Script=Han}a-zA-Z0-9+#&._%-]{1,4096}/gu;

/** Whether any step, converting `clause` by plain longest match, matches a phrase longer than one character. */
function matchesPhrase(steps: readonly Trie[], clause: string): boolean {
  let current = clause;
  for (const trie of steps) {
    for (let i = 0; i < current.length; ) {
      const match = trie.matchPrefix(current, i);
      const single = unmatchedLength(current, i);
      if (match !== null && match.end - i > single) {
        return true;
      }
      i += match?.end !== undefined ? match.end - i : single;
    }
    if (trie !== steps[steps.length - 1]) {
      current = trie.convert(current);
    }
  }
  return false;
}

/**
 * One OpenCC step: longest match at each position among the phrases the boundaries allow; returns
 * the converted text and the word boundaries carried over to it (a phrase's replacement keeps the
 * boundaries at its ends; those inside it are gone).
 */
function convertStep(trie: Trie, text: string, boundaries: Uint8Array, mayJoin: (phrase: string) => boolean): [string, Uint8Array] {
  const n = text.length;
  const out: string[] = [];
  // Replacements may be longer than their source (元数据 → 後設資料): room for twice the length.
  let carried = new Uint8Array(2 * n + 1);
  carried[0] = 1;
  let written = 0;
  let nextBoundary = 0;
  let unmatchedFrom = -1;
  for (let i = 0; i < n; ) {
    if (nextBoundary <= i) {
      nextBoundary = i + 1;
      while (boundaries[nextBoundary] === 0) {
        nextBoundary++;
      }
    }
    let match = trie.matchPrefix(text, i);
    // A phrase past the end of the word must end on a boundary, start on one, and be allowed to join.
    while (match !== null && match.end > nextBoundary && !(boundaries[i] === 1 && boundaries[match.end] === 1 && mayJoin(text.slice(i, match.end)))) {
      match = match.end - 1 > i ? trie.matchPrefix(text.slice(0, match.end - 1), i) : null;
    }
    if (match !== null) {
      if (unmatchedFrom >= 0) {
        out.push(text.slice(unmatchedFrom, i));
        unmatchedFrom = -1;
      }
      out.push(match.value);
      written += match.value.length;
      i = match.end;
    } else {
      if (unmatchedFrom < 0) {
        unmatchedFrom = i;
      }
      const step = unmatchedLength(text, i);
      written += step;
      i += step;
    }
    if (boundaries[i] === 1) {
      if (written >= carried.length) {
        const grown = new Uint8Array(2 * written + 1);
        grown.set(carried);
        carried = grown;
      }
      carried[written] = 1;
    }
  }
  if (unmatchedFrom >= 0) {
    out.push(text.slice(unmatchedFrom));
  }
  return [out.join(''), carried];
}

/**
 * How many UTF-16 units at `offset` convert as one unmatched piece, as opencc-js has it: a code point
 * (a lone surrogate is one unit), or a whole ideographic description sequence (⿰氵发), which OpenCC
 * leaves as written.
 */
function unmatchedLength(text: string, offset: number): number {
  const end = descriptionEnd(text, offset);
  return end > offset ? end - offset : characterLength(text, offset);
}

/** The end of the ideographic description sequence starting at `offset` (U+2FF0–U+2FFF and its operands), or 0. */
function descriptionEnd(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  const arity = code >= 0x2ff0 && code <= 0x2fff ? (code === 0x2ff2 || code === 0x2ff3 ? 3 : 2) : 0;
  if (arity === 0) {
    return 0;
  }
  let end = offset + 1;
  for (let operand = 0; operand < arity; operand++) {
    if (end >= text.length) {
      return 0;
    }
    end = descriptionEnd(text, end) || end + characterLength(text, end);
  }
  return end;
}
