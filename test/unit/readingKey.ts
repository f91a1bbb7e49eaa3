import * as fs from 'fs';
import * as path from 'path';
import type { Direction } from '../../src/core/conversion/locales';
import { ChineseConverter } from '../../src/core/conversion/chineseConverter';
import { CedictDictionary } from '../../src/core/glossary/cedictDictionary';
import { builtinEntries } from '../../src/core/glossary/builtinGlossary';
import { DictionaryWordBoundaries } from '../../src/core/glossary/dictionaryWordBoundaries';
import { TermMatcher } from '../../src/core/glossary/termMatcher';
import { readColumns } from '../../src/core/readings/columnReadings';
import { ReadingService } from '../../src/core/readings/readingService';
import { reflow } from '../../src/core/reader/reflow';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const READINGS_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'readings');

/** One line of a reviewed reading key: the Han character at a UTF-16 offset of the text and its pinyin. */
export interface KeyLine {
  readonly offset: number;
  readonly character: string;
  readonly pinyin: string;
  readonly context: string;
}

export function readKey(file: string): KeyLine[] {
  return fs
    .readFileSync(path.join(READINGS_FIXTURES, file), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [offset, character, pinyin, context] = line.split('\t');
      return { offset: Number(offset), character: character!, pinyin: pinyin!, context: context ?? '' };
    });
}

let shared: { converter: ChineseConverter; service: ReadingService; dictionary: CedictDictionary; matcher: TermMatcher } | undefined;

/** The product's readers, as the extension builds them: OpenCC, the built-in glossary and CC-CEDICT (dist/cedict.tsv, written by the build). */
export function productReaders(): NonNullable<typeof shared> {
  if (!shared) {
    const converter = new ChineseConverter();
    const service = new ReadingService(
      (text) => converter.convert(text, { from: 't', to: 'cn' }),
      (text) => converter.convert(text, { from: 'cn', to: 'hk' }),
    );
    const dictionary = CedictDictionary.parse(fs.readFileSync(path.join(ROOT, 'dist', 'cedict.tsv'), 'utf8'));
    // As GlossaryService builds it: CC-CEDICT's words choose between overlapping terms.
    const matcher = new TermMatcher(
      builtinEntries('Built-in glossary'),
      new DictionaryWordBoundaries(() => dictionary, (text) => converter.convert(text, { from: 't', to: 'cn' })),
    );
    shared = { converter, service, dictionary, matcher };
  }
  return shared;
}

/** A difference between the product's pinyin and the key. */
export interface KeyDifference {
  readonly offset: number;
  readonly expected: string;
  readonly actual: string;
  readonly context: string;
}

/**
 * Reads a text as the reader panel does (reflowed blocks, each converted in `direction` and read
 * through `readColumns`) and compares the pinyin of the original column with the key, ignoring case.
 * Characters the panel does not show (a doubled caption's second copy) are not counted; a character
 * it shows without a reading counts as a difference.
 */
export function compareWithKey(text: string, key: readonly KeyLine[], direction: Direction): { checked: number; differences: KeyDifference[] } {
  const { converter, service, dictionary, matcher } = productReaders();
  const actual = new Map<number, string>();
  /** Source offsets the panel shows (a doubled caption's second copy is not shown). */
  const shown = new Set<number>();
  for (const block of reflow(text)) {
    const converted = converter.convert(block.text, direction);
    const { original } = readColumns(service, { original: block.text, converted, direction }, { system: 'pinyin', matcher, dictionary });
    for (const segment of block.segments) {
      for (let i = 0; i < segment.length; i++) {
        shown.add(block.startOffset + segment.sourceOffset + i);
        const reading = original.get(segment.textStart + i);
        if (reading) {
          actual.set(block.startOffset + segment.sourceOffset + i, reading[0]!);
        }
      }
    }
  }
  const differences: KeyDifference[] = [];
  let checked = 0;
  for (const line of key) {
    if (text.codePointAt(line.offset) !== line.character.codePointAt(0)) {
      throw new Error(`key and text disagree at ${line.offset}: ${line.character}`);
    }
    if (!shown.has(line.offset)) {
      continue;
    }
    checked++;
    // A character shown without a reading counts as a difference too.
    const reading = actual.get(line.offset) ?? '(none)';
    if (reading.toLowerCase() !== line.pinyin) {
      differences.push({ offset: line.offset, expected: line.pinyin, actual: reading, context: line.context });
    }
  }
  return { checked, differences };
}
