import { OffsetMap } from '../reader/offsetMap';
import { characterAt, HAN } from '../text/characters';
import { pinyinSyllableToZhuyin, splitWordPinyin, squashPinyin, withoutTone } from './pinyinSyllables';
import { standaloneReading, wordReading } from './polyphoneRules';
import { CharacterReading, ReadingSystem, toneOf } from './readingSystem';
import { RunToken, segmentRun, WordDictionary } from './wordSegmentation';

type PinyinModule = typeof import('pinyin-pro');
type JyutpingModule = typeof import('to-jyutping');

/** Readings of a text: one entry per UTF-16 offset where a Han character starts. */
export type ReadingTrack = ReadonlyMap<number, CharacterReading>;

/** A glossary term found in the text, [start, end) in UTF-16 offsets, with its pinyin as the glossary writes it. */
export interface KnownWord {
  readonly start: number;
  readonly end: number;
  readonly pinyin?: string;
}

export type { WordDictionary } from './wordSegmentation';

/** What the reading service knows besides the text. */
export interface ReadingContext {
  /** The text in Simplified characters, when the caller has it (the reader's converted column); converted otherwise. */
  readonly simplified?: string;
  /**
   * Glossary terms in the text (the term matcher decides precedence: workspace, user, built-in). They
   * may overlap (對華 and 華為 in 對華為): where two disagree on a character, the longer one wins.
   */
  readonly glossaryWords?: readonly KnownWord[];
  /** CC-CEDICT, for every other word of two or more characters. */
  readonly dictionary?: WordDictionary;
  /** The text in Traditional characters, when the caller has it, for Jyutping; converted otherwise. */
  readonly traditional?: string;
}


/**
 * The one source of readings in the extension: the ruby over the reader's columns, the hover
 * cards, the annotation exports and the Annotations view all read through it, so they agree.
 *
 * Pinyin of a text is decided in layers, each overriding the one before:
 * 1. pinyin-pro reads the Simplified form word by word (its dictionary is Simplified), with
 *    citation tones (no 一/不 sandhi, as dictionaries write them);
 * 2. a character the author wrote in a Traditional form keeps a reading that form can have
 *    (幹 gàn, 髮 fà, 乾 gān/qián: 干 and 发 alone would lose that), by pinyin-pro's readings of the
 *    Traditional character;
 * 3. known words decide: glossary terms with their glossary pinyin (華為 Huáwéi); between them,
 *    CC-CEDICT words, cut by bidirectional maximum matching (see `segmentRun`). A dictionary word
 *    whose readings include pinyin-pro's keeps it (pinyin-pro chose among them in context);
 *    otherwise the entry closest to it wins (執行情況 zhí xíng, 外交部分別 fēn bié, 消息 xiāo xi);
 * 4. characters no word covers, and words whose reading depends on the sentence (正當, 地方),
 *    follow the context rules of `polyphoneRules.ts` (為 wéi in 以…為代表, 得 de before 非常).
 * The reviewed reading keys in test/fixtures/readings measure the result (0 differences in about
 * 6,000 characters of five texts).
 * Jyutping is read by to-jyutping, which reads Traditional and Simplified text in context; Zhuyin
 * is the pinyin spelt in Bopomofo.
 *
 * Offsets are UTF-16 code units of the text given; readings are keyed by the offset of each Han
 * character (a character outside the BMP takes two units and one reading). Libraries load on first use.
 */
export class ReadingService {
  private pinyinModule: PinyinModule | undefined;
  private jyutpingModule: JyutpingModule | undefined;
  private readonly candidateCache = new Map<string, readonly string[]>();

  /**
   * @param toSimplified converts text to Simplified Chinese (OpenCC), for texts given without their Simplified form.
   * @param toTraditional converts text to Traditional Chinese (OpenCC, Simplified → Hong Kong), for Jyutping:
   *   to-jyutping reads a Simplified character as the Traditional one that looks the same (价 as 介 gaai3).
   */
  constructor(
    private readonly toSimplified: (text: string) => string,
    private readonly toTraditional: (text: string) => string = (text) => text,
  ) {}

  /** Readings of every Han character of `text` in `system`. */
  read(text: string, system: ReadingSystem, context: ReadingContext = {}): ReadingTrack {
    const track = new Map<number, CharacterReading>();
    if (!HAN.test(text)) {
      return track;
    }
    const pinyin = system === 'jyutping' ? undefined : this.pinyin(text, context);
    const jyutping = system === 'jyutping' || system === 'pinyin+jyutping' ? this.jyutping(text, context.traditional) : undefined;
    const offsets = pinyin ? pinyin.keys() : jyutping!.keys();
    for (const offset of offsets) {
      switch (system) {
        case 'pinyin':
          track.set(offset, [pinyin!.get(offset)!]);
          break;
        case 'zhuyin':
          track.set(offset, [pinyinSyllableToZhuyin(pinyin!.get(offset)!)]);
          break;
        case 'jyutping':
          track.set(offset, [jyutping!.get(offset)!]);
          break;
        case 'pinyin+jyutping':
          track.set(offset, [pinyin!.get(offset)!, jyutping!.get(offset) ?? '']);
          break;
      }
    }
    return track;
  }

  /** The reading of [start, end) of `text` read in context, syllables joined by spaces (`háng zhǎng`). */
  readingOf(text: string, start: number, end: number, system: ReadingSystem, context: ReadingContext = {}): string {
    return readingBetween(this.read(text, system, context), start, end);
  }

  /** Pinyin with tone marks of every Han character, by the layers above. */
  pinyin(text: string, context: ReadingContext = {}): Map<number, string> {
    const simplified = context.simplified ?? this.toSimplified(text);
    const map = simplified.length === text.length ? undefined : OffsetMap.between(text, simplified);
    const readings = new Map<number, string>();
    let offset = 0;
    for (const item of this.pinyinPro().pinyin(simplified, { type: 'all', toneType: 'symbol', toneSandhi: false })) {
      if (item.isZh && isPinyinSyllable(item.pinyin)) {
        const at = map ? map.toOriginal(offset) : offset;
        if (HAN.test(characterAt(text, at))) {
          readings.set(at, item.pinyin);
        }
      }
      offset += item.origin.length;
    }
    // Han characters pinyin-pro did not read (rare extension characters) still get their own reading,
    // in text order like the others.
    let added = false;
    for (let i = 0; i < text.length; i++) {
      const character = characterAt(text, i);
      if (HAN.test(character) && !readings.has(i)) {
        const own = this.candidates(character)[0];
        if (own) {
          readings.set(i, own);
          added = true;
        }
      }
      i += character.length - 1;
    }
    if (added) {
      const ordered = [...readings].sort((a, b) => a[0] - b[0]);
      readings.clear();
      ordered.forEach(([at, reading]) => readings.set(at, reading));
    }
    this.keepTraditionalReadings(text, simplified, map, readings);
    this.applyKnownWords(text, map ? undefined : simplified, context, readings);
    return readings;
  }

  /** Jyutping of every Han character, by to-jyutping in context, read on the text's Traditional form (given, or converted). */
  jyutping(text: string, traditional: string = this.toTraditional(text)): Map<number, string> {
    const map = traditional.length === text.length ? undefined : OffsetMap.between(text, traditional);
    const readings = new Map<number, string>();
    let offset = 0;
    for (const [character, reading] of this.toJyutping().getJyutpingList(traditional)) {
      if (reading && HAN.test(character)) {
        const at = map ? map.toOriginal(offset) : offset;
        if (HAN.test(characterAt(text, at))) {
          readings.set(at, reading);
        }
      }
      offset += character.length;
    }
    return readings;
  }

  /** Every Mandarin reading pinyin-pro knows for one character, the commonest first. */
  candidates(character: string): readonly string[] {
    let list = this.candidateCache.get(character);
    if (!list) {
      // pinyin-pro gives back the character itself when it knows no reading (𨋢, 㗎): those have none.
      list = (this.pinyinPro().polyphonic(character, { toneType: 'symbol' })[0] ?? '').split(' ').filter(isPinyinSyllable);
      this.candidateCache.set(character, list);
    }
    return list;
  }

  private keepTraditionalReadings(text: string, simplified: string, map: OffsetMap | undefined, readings: Map<number, string>): void {
    for (const [at, reading] of readings) {
      const written = characterAt(text, at);
      const converted = characterAt(simplified, map ? map.toConverted(at) : at);
      if (written === converted) {
        continue;
      }
      const own = this.candidates(written);
      const fits = own.includes(reading) || (toneOf(reading, 'pinyin') === 5 && own.some((r) => withoutTone(r) === reading));
      if (!fits && own[0]) {
        readings.set(at, own[0]);
      }
    }
  }

  private applyKnownWords(text: string, simplified: string | undefined, context: ReadingContext, readings: Map<number, string>): void {
    const covered = new Uint8Array(text.length);
    // Glossary terms may overlap (對華 and 華為 in 對華為): each gives its characters its reading,
    // the longer term last, so it wins where two disagree.
    const words = [...(context.glossaryWords ?? [])].sort((a, b) => a.end - a.start - (b.end - b.start));
    for (const word of words) {
      const characters = hanCharacters(text, word.start, word.end);
      const syllables = word.pinyin ? splitWordPinyin(word.pinyin, characters.map((c) => c.character), (c) => this.candidates(c)) : undefined;
      if (syllables) {
        characters.forEach((c, i) => readings.set(c.offset, syllables[i]!));
        covered.fill(1, word.start, word.end);
      }
    }
    // Between them, runs of Han characters are cut into dictionary words.
    for (let i = 0; i < text.length; ) {
      if (covered[i] || !HAN.test(characterAt(text, i))) {
        i++;
        continue;
      }
      let end = i;
      while (end < text.length && !covered[end] && HAN.test(characterAt(text, end))) {
        end += characterAt(text, end).length;
      }
      this.readRun(text, simplified, i, end, context.dictionary, readings);
      i = end;
    }
  }

  /** One run of Han characters [start, end) that no glossary term covers. */
  private readRun(text: string, simplified: string | undefined, start: number, end: number, dictionary: WordDictionary | undefined, readings: Map<number, string>): void {
    // Without a dictionary every character would look alone, and the context rules, which assume
    // words were found first, would misread words (目的, 應用): pinyin-pro's reading stands.
    if (!dictionary) {
      return;
    }
    const tokens = segmentRun(text, simplified, start, end, dictionary, (token) => this.disagreement(text, token, readings));
    const standalone = new Set(tokens.filter((t) => !t.entries).map((t) => t.start));
    tokens.forEach((token, i) => {
      if (token.entries) {
        const word = text.slice(token.start, token.end);
        const decided = wordReading(text, token.start, word);
        this.applyDictionaryWord(text, token.start, token.end - token.start, decided ? [{ pinyin: decided.join(' ') }] : token.entries, readings);
        return;
      }
      const next = tokens[i + 1];
      const reading = standaloneReading(text, token.start, {
        afterWord: Boolean(tokens[i - 1]?.entries),
        nextToken: next ? text.slice(next.start, next.end) : '',
        standalone,
      });
      if (reading) {
        readings.set(token.start, reading);
      }
    });
  }

  /** How many syllables of a dictionary word none of its entries reads as pinyin-pro did. */
  private disagreement(text: string, token: RunToken, readings: ReadonlyMap<number, string>): number {
    if (!token.entries) {
      return 0;
    }
    const current: string[] = [];
    for (let i = token.start; i < token.end; ) {
      const character = characterAt(text, i);
      current.push(readings.get(i) ?? '');
      i += character.length;
    }
    let fewest = Infinity;
    for (const entry of token.entries) {
      const syllables = entry.pinyin.split(' ');
      fewest = Math.min(fewest, syllables.filter((syllable, k) => squashPinyin(syllable) !== squashPinyin(current[k] ?? '')).length);
    }
    return fewest === Infinity ? 0 : fewest;
  }

  /** Gives a dictionary word the entry closest to what pinyin-pro read in context (the same entry when one agrees). */
  private applyDictionaryWord(text: string, start: number, length: number, entries: readonly { readonly pinyin: string }[], readings: Map<number, string>): void {
    const characters: { offset: number; han: boolean }[] = [];
    for (let i = start; i < start + length; ) {
      const character = characterAt(text, i);
      characters.push({ offset: i, han: HAN.test(character) });
      i += character.length;
    }
    let best: string[] | undefined;
    let bestScore = -1;
    for (const entry of entries) {
      const syllables = entry.pinyin.split(' ');
      if (syllables.length !== characters.length) {
        continue;
      }
      // Full marks for the syllable pinyin-pro read, half for the same syllable in another tone.
      let score = 0;
      characters.forEach((c, k) => {
        if (c.han) {
          const proposed = squashPinyin(syllables[k]!);
          const current = squashPinyin(readings.get(c.offset) ?? '');
          score += proposed === current ? 2 : withoutTone(proposed) === withoutTone(current) ? 1 : 0;
        }
      });
      if (score > bestScore) {
        best = syllables;
        bestScore = score;
      }
    }
    characters.forEach((c, k) => {
      if (best && c.han) {
        readings.set(c.offset, best[k]!);
      }
    });
  }

  private pinyinPro(): PinyinModule {
    // Lazy requires, bundled into files of their own (see esbuild.js): activation never parses them.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.pinyinModule ??= require('pinyin-pro') as PinyinModule;
    return this.pinyinModule;
  }

  private toJyutping(): JyutpingModule {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.jyutpingModule ??= require('to-jyutping') as JyutpingModule;
    return this.jyutpingModule;
  }
}

/** Latin letters with pinyin's tone marks and ü, nothing else. */
function isPinyinSyllable(syllable: string): boolean {
  // Decomposed, every tone mark and the dots of ü are combining marks after a plain letter.
  return /^(?:[a-zA-Z][\u0300-\u036f]*)+$/.test(syllable.normalize('NFD'));
}

/**
 * The readings of [start, end) of a track, syllables joined by spaces, the parts of a two-part
 * system joined by " / " (`xiāng gǎng / hoeng1 gong2`).
 */
export function readingBetween(track: ReadingTrack, start: number, end: number): string {
  const readings: CharacterReading[] = [];
  for (let i = start; i < end; i++) {
    const reading = track.get(i);
    if (reading) {
      readings.push(reading);
    }
  }
  return joinReadings(readings);
}

/** Character readings as one string, as `readingBetween` writes them. */
export function joinReadings(readings: readonly CharacterReading[]): string {
  const parts: string[][] = [];
  for (const reading of readings) {
    // A character with no reading in one part (no Jyutping) leaves that part out rather than a gap.
    reading.forEach((syllable, part) => syllable && (parts[part] ??= []).push(syllable));
  }
  return parts.map((syllables) => syllables.join(' ')).join(' / ');
}

function hanCharacters(text: string, start: number, end: number): { offset: number; character: string }[] {
  const result: { offset: number; character: string }[] = [];
  for (let i = start; i < end; ) {
    const character = characterAt(text, i);
    if (HAN.test(character)) {
      result.push({ offset: i, character });
    }
    i += character.length || 1;
  }
  return result;
}
