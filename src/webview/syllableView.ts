import { toneOf } from '../core/readings/readingSystem';

/**
 * One syllable of a reading as a span classed by its system and tone (`reading reading-pinyin tone-2`;
 * no tone class when the syllable has none), which media/reader.css colours by the tone scheme. Used
 * by the ruby and by the term cards, so both colour alike.
 */
export function syllableElement(syllable: string, part: 'pinyin' | 'jyutping' | 'zhuyin'): HTMLElement {
  const span = document.createElement('span');
  const tone = toneOf(syllable, part);
  span.className = `reading reading-${part}${tone === undefined ? '' : ` tone-${tone}`}`;
  span.textContent = syllable;
  return span;
}
