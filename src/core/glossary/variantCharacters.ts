/**
 * Variant characters that glossary matching treats as one (說/説, 爲/為, 稅/税, 戶/户, 脫/脱, 鉤/鈎,
 * 衛/衞, 線/綫, 裏/裡, 着/著 …), so that a term is found whichever regional standard the text
 * follows: OpenCC's generic Traditional, Hong Kong's or Taiwan's.
 *
 * Source: OpenCC's variant tables as opencc-js ships them — every pair of `HKVariants` and
 * `TWVariants`, and the character pairs that `HKVariantsPhrases` and `TWVariantsPhrases` use in at
 * least two phrases, less 臘/腊 (腊 xī is a character of its own). Each group lists OpenCC's
 * standard form first; test/unit/variantMatching.test.ts derives the groups again from opencc-js
 * and fails when they drift. Simplified ↔ Traditional is not folded: glossary entries give both.
 */
export const VARIANT_GROUPS = '僞偽 兌兑 叄叁 喫吃 囪囱 媼媪 嬀媯 悅悦 慍愠 戶户 挩捝 搵揾 敓敚 敘敍 柺枴 梲棁 棱稜 榲榅 檯枱 氳氲 涗涚 溫温 溼濕 潙溈 潨潀 熅煴 爲為 癡痴 皁皂 祕秘 稅税 竈灶 糉粽 縕緼 纔才 脣唇 脫脱 膃腽 臥卧 臺台 菸煙 蒕蒀 蔥葱 蔿蒍 蘊藴 蛻蜕 衆眾 衛衞 覈核 說説 踊踴 轀輼 醞醖 鉢缽 鉤鈎 銳鋭 鍼針 閱閲 鰮鰛 啓啟 嫺嫻 峯峰 幺么 樑梁 檐簷 污汙 泄洩 牀床 痹痺 着著 睾睪 繮韁 羣群 蔘參 裏裡 鮎鯰 麪麵 齶顎 線綫 匯滙 詠咏 恆恒 柏栢 豔艷 礦鑛 繡綉 鼇鰲';

/** Maps each variant character (a UTF-16 code unit: every character here is in the BMP) to its group's first form. */
export class VariantFolding {
  private readonly table = new Uint16Array(0x10000);

  constructor(groups: string = VARIANT_GROUPS) {
    for (const group of groups.split(' ')) {
      const canonical = group.charCodeAt(0);
      for (let i = 0; i < group.length; i++) {
        this.table[group.charCodeAt(i)] = canonical;
      }
    }
  }

  /** The folded form of a UTF-16 code unit (itself when it has no variant). */
  fold(code: number): number {
    return this.table[code] || code;
  }
}
