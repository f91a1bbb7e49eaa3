import { HAN } from '../text/characters';

/**
 * Readings of polyphonic characters that no dictionary word decides, by their grammatical context.
 * pinyin-pro reads a character that stands alone by its commonest reading, which is wrong in
 * frequent news constructions. The rules were found on the reviewed reading keys in
 * test/fixtures/readings and on a reviewer's sentences written to break them; each follows the
 * character's senses in the Xiandai Hanyu Cidian (现代汉语词典, 7th ed.), which CC-CEDICT mirrors:
 *
 * - 得 after a verb or adjective, followed by a degree word (非常, 很, 更加, 好, …): the structural
 *   particle *de* (做得非常出色, 行進得更加堅韌); after a pronoun, before such a word or 先/去/馬上,
 *   the modal *děi* "must" (你得好好學習, 我們得先走).
 * - 為/为 *wéi* ("to be, to act as, to become") after a verb of changing, naming or ranking
 *   (調整為, 列為, 分別為, 規定為), in a caption's 圖為, and before 由/例/止/代表 (為由, 為例,
 *   為代表), or 首/主/準 ending the phrase (以…為首的, 以…為主。), and in 以X為Y when Y is a short
 *   noun phrase ending the clause or followed by 的 (以人民為中心); otherwise, standing alone, it is
 *   the preposition *wèi* "for, because of" (決定為災區捐款, 為首都市民, 以實際行動為群眾辦實事):
 *   *wéi* "to be" comes in words (成為, 認為, 為首).
 * - 的 alone is the particle *de*; *dí* and *dì* come in words (的確, 目的).
 * - 地 alone after a word and before a verb is the adverbial particle *de* (仔細地看, 慢慢地走).
 * - 應/应 alone is the modal *yīng* ("should"), but *yìng* ("to answer") before 了/聲 or ending a
 *   clause (應了一聲, 沒人應); *yìng* words come whole from the dictionary (回應, 應對).
 * - 只 alone is *zhǐ* ("only"), *zhī* as a measure word after a numeral or demonstrative (一只,
 *   整只, 這只貓) — but not before a verb (這只會): Traditional text writes the measure word 隻.
 * - 量 alone is *liàng* ("quantity": 量質齊升), *liáng* ("to measure") before 了/一/量 or a body
 *   measurement (量了量血壓, 量體溫).
 * - 過/过 alone at the end of a clause or before 的, after a verb: the aspect particle *guo*.
 * - 長/长 alone before 得/高/胖/出 is *zhǎng* ("to grow": 長得很高, 長高了).
 * - 數/数 alone around 一 (數一數) or before 着/著 or 了 is the verb *shǔ* ("to count"); 還/还 alone before
 *   了 or 給, 錢, or after 未, 歸, 退, is *huán* ("to give back": 還了錢, 逾期未還); 曾 before 姓, 先生,
 *   女士 is the surname *zēng*; 處/处 after 多, 各, 一, 此 is the noun *chù* ("place": 多處積水); 中 alone before 了 is *zhòng* ("to hit": 中了彩票);
 *   干 alone before 得/活/事 or after 想/要/肯/敢 is *gàn* (干得好, 不想干了: in Simplified text, where
 *   幹 and 乾 are both 干).
 *
 * Word rules choose between a dictionary word's readings:
 * - 正當/正当 is *zhèng dàng* ("legitimate"), *zhèng dāng* ("just when") only with 之際/時/的時候
 *   later in the clause;
 * - 地方 is *dì fang* ("place") after a determiner or 的 (任何地方, 這個地方, 的地方); otherwise the
 *   dictionary's first reading, *dì fāng* ("local": 地方政府).
 */

/** What is around a character that stands alone, as the segmentation found it. */
export interface StandaloneContext {
  /** Whether the token before it is a dictionary word of two or more characters. */
  readonly afterWord: boolean;
  /** The text of the token after it ('' at the end of the run). */
  readonly nextToken: string;
  /** Offsets of every character of the run that stands alone (for 以…為…: 以 must not be part of 以便, 以及). */
  readonly standalone: ReadonlySet<number>;
}

const DEGREE_AFTER_DE = /^(非常|十分|相當|相当|比較|比较|特別|特别|格外|如此|這麼|这么|那麼|那么|更加|越來|越来|有點|有点|清楚|很|更|太|越|極|极|最|好|快|慢|早|晚|真|挺|遠|远)/u;
const PRONOUN = /[我你他她它們们咱您]$/u;
const MUST_BEFORE = /^(先|去|走|馬上|马上|趕緊|赶紧|趕快|赶快)/u;
const VERBS_BEFORE_WEI =
  /(調整|调整|更改|修改|擴大|扩大|縮小|缩小|提高|下調|下调|上調|上调|轉變|转变|分別|分别|視之|视之|稱之|称之|譽之|誉之|規定|规定|認定|认定|確定|确定|指定|界定|評定|评定|擬定|拟定|列|降|升|改|變|变|轉|转|譯|译|選|选|評|评|名|設|设|劃|划|歸|归|淪|沦|化|視|视)$/u;
const AFTER_WEI = /^(代表|由|例|止)|^(首|主|準|准)($|[的，。、；！？,.;!?」』）)])/u;
const CAPTION_START = /(^|[\s。！？；，：「」『』（）()!?;,:])[圖图]$/u;
const CLAUSE_END = /[。！？；，、：「」『』（）()!?;,:\n]/u;
const NUMERAL_OR_DEMONSTRATIVE = /[0-9０-９一二兩两三四五六七八九十百千萬万幾几每這这那哪某半整]$/u;
const VERB_AFTER_ZHI = /^[會会能是有要可]/u;
const MEASURING = /^[了一量體体血]/u;
const DETERMINER_BEFORE_PLACE = /(任何|什麼|什么|個|个|些|的|哪|這|这|那|每)$/u;
const JUST_WHEN = /^[^。！？；，,;!?]{0,16}?(之際|之际|的時候|的时候|之時|之时|時|时)/u;

/**
 * The reading of the polyphonic character at `offset` (UTF-16) when it stands alone — no glossary
 * term or dictionary word covers it — or undefined to keep pinyin-pro's. Only meaningful after
 * segmentation with a dictionary: without one, every character would look alone.
 */
export function standaloneReading(text: string, offset: number, context: StandaloneContext): string | undefined {
  const character = text[offset];
  const before = text.slice(Math.max(0, offset - 4), offset);
  const after = text.slice(offset + 1, offset + 5);
  const previous = before.slice(-1);
  const next = after.slice(0, 1);
  switch (character) {
    case '得':
      if (PRONOUN.test(before)) {
        return DEGREE_AFTER_DE.test(after) || MUST_BEFORE.test(after) ? 'děi' : undefined;
      }
      return HAN.test(previous) && DEGREE_AFTER_DE.test(after) ? 'de' : undefined;
    case '為':
    case '为':
      if (next === '了') {
        return undefined;
      }
      // 為 wéi "to be" lives in words (成為, 認為, 為首) and in these patterns; alone it is the preposition.
      return VERBS_BEFORE_WEI.test(before) || CAPTION_START.test(before) || AFTER_WEI.test(after) || yiWeiPattern(text, offset, context.standalone) ? 'wéi' : 'wèi';
    case '的':
      return 'de';
    case '地':
      return context.afterWord && HAN.test(next) && !CLAUSE_END.test(next) ? 'de' : undefined;
    case '應':
    case '应':
      return next === '' || CLAUSE_END.test(next) || /^[了聲声]/u.test(after) ? 'yìng' : 'yīng';
    case '只':
      return NUMERAL_OR_DEMONSTRATIVE.test(before) && !VERB_AFTER_ZHI.test(after) ? 'zhī' : 'zhǐ';
    case '量':
      return MEASURING.test(after) ? 'liáng' : 'liàng';
    case '過':
    case '过':
      return HAN.test(previous) && (next === '' || CLAUSE_END.test(next) || next === '的') ? 'guo' : undefined;
    case '數':
    case '数':
      return /^(一[數数]|[着著了])/u.test(after) || /[數数]一$/u.test(before) ? 'shǔ' : undefined;
    case '還':
    case '还':
      return context.nextToken === '了' || /^[給给錢钱款債债]/u.test(after) || /[未歸归償偿退交奉送]$/u.test(before) ? 'huán' : undefined;
    case '曾':
      return /^(姓|先生|女士|小姐|太太|某|氏)/u.test(after) ? 'zēng' : undefined;
    case '處':
    case '处':
      return /[多各一兩两幾几此該该何某]$/u.test(before) ? 'chù' : undefined;
    case '中':
      return context.nextToken === '了' ? 'zhòng' : undefined;
    case '長':
    case '长':
      return /^[得高胖出]/u.test(after) ? 'zhǎng' : undefined;
    case '干':
      return /^[得活事]/u.test(after) || /[想要肯願愿敢]$/u.test(before) ? 'gàn' : undefined;
    default:
      return undefined;
  }
}

/**
 * 以X為Y: a 以 standing alone earlier in the clause (at most 20 characters back), and after 為 at
 * most four Han characters before the clause ends or 的 follows.
 */
function yiWeiPattern(text: string, offset: number, standalone: ReadonlySet<number>): boolean {
  const rest = /^\p{Script=Han}{1,4}?(的|$|[。！？；，、：」』）)!?;,:\s])/u;
  if (!rest.test(text.slice(offset + 1, offset + 7))) {
    return false;
  }
  for (let i = offset - 1; i >= Math.max(0, offset - 20); i--) {
    if (CLAUSE_END.test(text[i]!)) {
      return false;
    }
    if (text[i] === '以' && standalone.has(i)) {
      return true;
    }
  }
  return false;
}

/**
 * The syllables of a dictionary word whose reading depends on its context (正當, 地方), or
 * undefined to choose among the dictionary's readings as usual. `start` is the word's UTF-16 offset.
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
