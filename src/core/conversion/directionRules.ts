import type { GlossaryEntry } from '../glossary/glossaryEntry';
import type { Direction } from './locales';
import type { PhraseOverrideSpec } from './phraseOverrides';

/**
 * Words in which Hong Kong's 著 means "to write, notable, manifest" (zhù) and stays 著 in Simplified
 * Chinese; everywhere else Hong Kong writes 著 for the aspect particle and verb complement that the
 * Mainland writes 着 (看著 → 看着, 隨著 → 随着, 著陸 → 着陆). After the Xiandai Hanyu Cidian's entries
 * for 著 zhù and the General List of Standard Chinese Characters (2013), where 着 is the standard form
 * of the other senses.
 */
export const ZHU_WORDS: readonly string[] = [
  '著作', '著者', '著述', '著書', '著錄', '著稱', '著名', '著有', '著譯', '撰著', '原著', '編著', '名著',
  '巨著', '專著', '論著', '譯著', '合著', '遺著', '拙著', '大著', '新著', '舊著', '顯著', '卓著', '昭著',
  '彰著', '土著',
];

/**
 * Mappings that a conversion direction adds to the user's phrases (which take precedence over them):
 * - **the glossary's own forms**: a term whose glossary gives both scripts converts to the glossary's
 *   form (昇騰 ↔ 昇腾, 王玨 ↔ 王珏), so the converted column, the glossary cards and the commands
 *   agree: to Simplified from any Traditional but Taiwan-phrases, and from Simplified to Hong Kong
 *   Traditional (glossaries give Hong Kong's forms). Only forms of the same length map (script
 *   variants, not vocabulary such as 記憶體/内存);
 * - **Hong Kong 著**: from `hk` or `hkp` to `cn`, 著 becomes 着 except in `ZHU_WORDS`.
 *
 * @param convert converts text in `direction` with OpenCC alone (for the words 著 keeps)
 */
export function directionMappings(
  direction: Direction,
  entries: readonly Pick<GlossaryEntry, 'traditional' | 'simplified'>[],
  convert: (text: string) => string,
): Record<string, string> {
  const mappings: Record<string, string> = {};
  // Glossaries give one Traditional form, Hong Kong's for the built-in one: it is the target only of
  // Simplified → Hong Kong; any Traditional source maps to the glossary's Simplified, except through
  // Taiwan phrases (twp), whose purpose is to rewrite Taiwan vocabulary.
  const toSimplified = direction.to === 'cn' && direction.from !== 'cn' && direction.from !== 'twp';
  const toTraditional = direction.from === 'cn' && (direction.to === 'hk' || direction.to === 'hkp');
  for (const entry of entries) {
    const { traditional, simplified } = entry;
    if (!traditional || !simplified || traditional === simplified || traditional.length !== simplified.length) {
      continue;
    }
    // Entries come in precedence order (workspace, user, built-in): the first form given wins.
    if (toSimplified) {
      mappings[traditional] ??= simplified;
    } else if (toTraditional) {
      mappings[simplified] ??= traditional;
    }
  }
  if ((direction.from === 'hk' || direction.from === 'hkp') && direction.to === 'cn') {
    mappings['著'] = '着';
    for (const word of ZHU_WORDS) {
      mappings[word] = convert(word);
    }
  }
  return mappings;
}

/**
 * The user's phrases (protected phrases and phrase-file mappings) with the direction's mappings
 * under them: a user's phrase is never overridden by a glossary form or the 著 rule.
 */
export function withDirectionMappings(user: PhraseOverrideSpec, mappings: Readonly<Record<string, string>>): PhraseOverrideSpec {
  const taken = new Set([...(user.protectedPhrases ?? []), ...Object.keys(user.mappings ?? {})]);
  const added = Object.fromEntries(Object.entries(mappings).filter(([from]) => !taken.has(from)));
  return { protectedPhrases: user.protectedPhrases, mappings: { ...added, ...user.mappings } };
}
