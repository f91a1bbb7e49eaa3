type PinyinToZhuyin = (pinyin: string) => string;
let zhuyinConverter: PinyinToZhuyin | undefined;

/**
 * One pinyin syllable (tone marks, any case) in Zhuyin, through the `pinyin-zhuyin` package. The
 * package writes the neutral-tone dot after the syllable; Taiwan's Ministry of Education writes it
 * before (˙ㄉㄜ), so it is moved there. A syllable the package cannot spell (ḿ, ê) stays in pinyin.
 */
export function pinyinSyllableToZhuyin(syllable: string): string {
  let zhuyin = zhuyinCache.get(syllable);
  if (zhuyin === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    zhuyinConverter ??= (require('pinyin-zhuyin') as { pinyinToZhuyin: PinyinToZhuyin }).pinyinToZhuyin;
    const spelled = zhuyinConverter(syllable.toLowerCase().normalize('NFC'));
    const unspelled = /[a-zü]/i.test(spelled) || /[\u0300-\u036f]/.test(spelled);
    zhuyin = unspelled ? syllable : spelled.endsWith('˙') ? `˙${spelled.slice(0, -1)}` : spelled;
    zhuyinCache.set(syllable, zhuyin);
  }
  return zhuyin;
}
/** Mandarin has about 1,300 toned syllables: the cache stays small. */
const zhuyinCache = new Map<string, string>();

/** Lower case, composed, letters only: the form in which readings are compared (`Huá wéi` → `huáwéi`). */
export function squashPinyin(pinyin: string): string {
  let squashed = squashCache.get(pinyin);
  if (squashed === undefined) {
    squashed = pinyin.normalize('NFC').toLowerCase().replace(/[^\p{L}\u0300-\u036f]/gu, '');
    if (squashCache.size < 20_000) {
      squashCache.set(pinyin, squashed);
    }
  }
  return squashed;
}
/** Syllables repeat: most squashes are looked up (bounded, since whole words pass through too). */
const squashCache = new Map<string, string>();

/** A syllable without its tone mark (ü keeps its dots). */
export function withoutTone(syllable: string): string {
  return syllable.normalize('NFD').replace(/[\u0300\u0301\u0304\u030c]/g, '').normalize('NFC');
}

/**
 * Splits a word's pinyin as glossaries write it (`Huáwéi`, `Huá wéi`, `huá-wéi`, `Shēngténg 910B`)
 * into one syllable per Han character of the word, guided by the readings each character can have
 * (`candidates`, e.g. pinyin-pro's polyphonic list). Case is kept (`Huá`, `wéi`). Returns undefined
 * when the pinyin does not spell the word's characters in order, so a doubtful entry is never used.
 *
 * @param hanCharacters the word's Han characters, one string each (other characters are left out)
 */
export function splitWordPinyin(
  pinyin: string,
  hanCharacters: readonly string[],
  candidates: (character: string) => readonly string[],
): string[] | undefined {
  const original = pinyin.normalize('NFC').replace(/[^\p{L}\u0300-\u036f]/gu, '');
  const lower = original.toLowerCase();
  if (lower.length !== original.length) {
    return undefined;
  }
  const result: string[] = [];
  // Depth-first over the characters; words are short, so the search stays tiny.
  const search = (index: number, at: number): boolean => {
    if (index === hanCharacters.length) {
      return at === lower.length;
    }
    // A neutral tone (bùfen) is written without the mark the character's candidates carry.
    const squashed = candidates(hanCharacters[index]!).map(squashPinyin);
    const options = [...new Set([...squashed, ...squashed.map(withoutTone)])].sort((a, b) => b.length - a.length);
    for (const option of options) {
      if (option && lower.startsWith(option, at)) {
        result.push(original.slice(at, at + option.length));
        if (search(index + 1, at + option.length)) {
          return true;
        }
        result.pop();
      }
    }
    return false;
  };
  return search(0, 0) ? result : undefined;
}
