/** A Han character (Unicode Script=Han: CJK ideographs of every block, radicals, 〇, 々). */
export const HAN = /\p{Script=Han}/u;

/** The whole code point at a UTF-16 offset (two units for characters outside the BMP); '' past the end. */
export function characterAt(text: string, offset: number): string {
  const code = text.codePointAt(offset);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** The UTF-16 length of the code point at `offset`: 2 outside the BMP, else 1. */
export function characterLength(text: string, offset: number): number {
  const code = text.codePointAt(offset);
  return code !== undefined && code > 0xffff ? 2 : 1;
}

/** Whether the code unit at `offset` is the second half of a surrogate pair. */
export function isLowSurrogate(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether the code point at UTF-16 `offset` is a Han character (Ext. B and beyond included). */
export function isHanAt(text: string, offset: number): boolean {
  return HAN.test(characterAt(text, offset));
}

/** Whether the code point that ends at UTF-16 `end` is a Han character. */
export function isHanBefore(text: string, end: number): boolean {
  if (end <= 0) {
    return false;
  }
  return isHanAt(text, isLowSurrogate(text, end - 1) && end >= 2 ? end - 2 : end - 1);
}
