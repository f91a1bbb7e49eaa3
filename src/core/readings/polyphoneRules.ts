/**
 * Readings of polyphonic characters that no dictionary word decides, by their grammatical context.
 * pinyin-pro reads a character that stands alone by its commonest reading, which is wrong in these
 * frequent news constructions (measured on the reviewed reading keys in test/fixtures/readings).
 * Each rule follows the character's entries in the Xiandai Hanyu Cidian (现代汉语词典, 7th ed.),
 * which CC-CEDICT's readings mirror:
 *
 * - 得 after a verb or adjective, followed by a degree word (非常, 很, 更加, 十分, …): the
 *   structural particle *de* (做得非常出色, 行進得更加堅韌).
 * - 為/为 *wéi* ("to be, to act as, to become") after a verb of changing or naming (調整為, 列為,
 *   降為, 圖為 in captions), before 由/主/首/準/止/例/代表 (為由, 為代表), and in 以…為… inside one
 *   clause (以華為為代表); otherwise pinyin-pro's choice stands (為 *wèi* "for").
 * - 的 alone is the particle *de*; *dí* and *dì* come in words (的確, 目的).
 * - 應/应 alone is the modal *yīng* ("should"); *yìng* ("respond") comes in words (回應, 應對).
 * - 只 alone is *zhǐ* ("only"), *zhī* only as a measure word after a numeral or demonstrative
 *   (一只, 這只): Traditional text writes that 隻.
 * - 量 alone is *liàng* ("quantity": 量質齊升, 含新量); *liáng* ("to measure") comes in words (測量).
 * - 過/过 alone at the end of a clause or before 的, after a verb: the aspect particle *guo*
 *   (從未停歇過，).
 *
 * Word rules choose between a dictionary word's readings:
 * - 正當/正当 is *zhèng dàng* ("legitimate"), *zhèng dāng* ("just when") only with 之際/時/的時候
 *   later in the clause;
 * - 地方 is *dì fang* ("place") after a determiner or 的 (任何地方, 這個地方, 的地方); otherwise the
 *   dictionary's first reading, *dì fāng* ("local": 地方政府).
 */

const DEGREE_AFTER_DE = /^(非常|十分|相當|相当|比較|比较|特別|特别|格外|如此|這麼|这么|那麼|那么|更加|越來|越来|有點|有点|清楚|很|更|太|越|極|极|最|好|快|慢|早|晚|真|挺)/u;
const VERBS_BEFORE_WEI = /(調整|调整|更改|修改|擴大|扩大|縮小|缩小|提高|下調|下调|上調|上调|轉變|转变|改|降|升|列|定|分|變|变|轉|转|譯|译|選|选|評|评|名|設|设|劃|划|歸|归|淪|沦|化|圖|图)$/u;
const AFTER_WEI = /^(代表|由|主|首|準|准|止|例)/u;
const CLAUSE_END = /[。！？；，、：「」『』（）()!?;,:\n]/u;
const NUMERAL_OR_DEMONSTRATIVE = /[0-9０-９一二兩两三四五六七八九十百千萬万幾几每這这那哪某半]$/u;
const DETERMINER_BEFORE_PLACE = /(任何|什麼|什么|個|个|些|的|哪|這|这|那|每)$/u;
const JUST_WHEN = /^[^。！？；，,;!?]{0,16}?(之際|之际|的時候|的时候|之時|之时|時|时)/u;

/**
 * The reading of the polyphonic character at `offset` when it stands alone (no known word covers
 * it), or undefined to keep pinyin-pro's. `standalone` holds the offsets of the other characters
 * of the text that stand alone (for 以…為…, where 以 must not be part of 以便, 以及, …).
 */
export function standaloneReading(text: string, offset: number, standalone: ReadonlySet<number>): string | undefined {
  const character = text[offset];
  const before = text.slice(Math.max(0, offset - 4), offset);
  const after = text.slice(offset + 1, offset + 5);
  const han = (s: string) => /\p{Script=Han}/u.test(s);
  switch (character) {
    case '得':
      return han(before.slice(-1)) && DEGREE_AFTER_DE.test(after) ? 'de' : undefined;
    case '為':
    case '为':
      if (after.startsWith('了')) {
        return undefined;
      }
      if (VERBS_BEFORE_WEI.test(before) || AFTER_WEI.test(after) || yiEarlierInClause(text, offset, standalone)) {
        return 'wéi';
      }
      return undefined;
    case '的':
      return 'de';
    case '應':
    case '应':
      return 'yīng';
    case '只':
      return NUMERAL_OR_DEMONSTRATIVE.test(before) ? 'zhī' : 'zhǐ';
    case '量':
      return 'liàng';
    case '過':
    case '过':
      return han(before.slice(-1)) && (after === '' || CLAUSE_END.test(after[0]!) || after.startsWith('的')) ? 'guo' : undefined;
    default:
      return undefined;
  }
}

/** A standalone 以 earlier in the same clause, at most 20 characters back. */
function yiEarlierInClause(text: string, offset: number, standalone: ReadonlySet<number>): boolean {
  for (let i = offset - 1; i >= Math.max(0, offset - 20); i--) {
    const c = text[i]!;
    if (CLAUSE_END.test(c)) {
      return false;
    }
    if (c === '以' && standalone.has(i)) {
      return true;
    }
  }
  return false;
}

/**
 * The syllables of a dictionary word whose reading depends on its context (正當, 地方), or
 * undefined to choose among the dictionary's readings as usual.
 */
export function wordReading(text: string, start: number, word: string): readonly string[] | undefined {
  switch (word) {
    case '正當':
    case '正当':
      return JUST_WHEN.test(text.slice(start + word.length)) ? ['zhèng', 'dāng'] : ['zhèng', 'dàng'];
    case '地方':
      return DETERMINER_BEFORE_PLACE.test(text.slice(Math.max(0, start - 2), start)) ? ['dì', 'fang'] : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether a dictionary word may start at `offset`: 多, 餘, 來 right after a number belong to the
 * number (280多個 is 280多 + 個, not 多個 "many").
 */
export function mayStartWord(text: string, offset: number): boolean {
  return !(/[多餘余來来]/u.test(text[offset] ?? '') && /[0-9０-９一二三四五六七八九十百千萬万億亿]/u.test(text[offset - 1] ?? ''));
}
