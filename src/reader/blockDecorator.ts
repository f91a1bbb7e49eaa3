import type { ChineseConverter } from '../core/conversion/chineseConverter';
import type { Direction } from '../core/conversion/locales';
import { cardForEntry, GlossaryCard } from '../core/glossary/glossaryCard';
import type { TermMatcher } from '../core/glossary/termMatcher';
import type { PinyinAnnotator } from '../core/pinyin/pinyinAnnotator';
import { OffsetMap } from '../core/reader/offsetMap';
import type { BlockDecorator } from '../core/reader/readerModel';
import type { RubySpan, TermSpan } from '../protocol/readerMessages';

/**
 * Marks glossary terms in both columns of the reader and, when asked, the pinyin of every Han
 * character. Cards of the terms it finds are collected for the webview, each sent once.
 */
export class ReaderBlockDecorator {
  private readonly cards = new Map<string, GlossaryCard>();
  private readonly sent = new Set<string>();

  constructor(
    private readonly matcher: TermMatcher | undefined,
    private readonly pinyin: PinyinAnnotator | undefined,
    private readonly direction: Direction,
    private readonly converter: ChineseConverter,
  ) {}

  readonly decorate: BlockDecorator = (original, converted) => ({
    ...(this.matcher ? { terms: { original: this.terms(original), converted: this.terms(converted) } } : {}),
    ...(this.pinyin ? { ruby: this.ruby(original, converted) } : {}),
  });

  /** Cards found since the last call. */
  takeNewCards(): Record<string, GlossaryCard> {
    const fresh: Record<string, GlossaryCard> = {};
    for (const [key, card] of this.cards) {
      if (!this.sent.has(key)) {
        fresh[key] = card;
        this.sent.add(key);
      }
    }
    return fresh;
  }

  private terms(text: string): TermSpan[] {
    return this.matcher!.findAll(text).map((hit) => {
      const key = `${hit.entry.origin}:${hit.entry.term}:${text.slice(hit.start, hit.end)}`;
      if (!this.cards.has(key)) {
        this.cards.set(key, cardForEntry(hit.entry, text.slice(hit.start, hit.end)));
      }
      return [hit.start, hit.end, key] as const;
    });
  }

  /** Pinyin is read from the Simplified text (pinyin-pro reads it best) and carried to the other column. */
  private ruby(original: string, converted: string): { original: RubySpan[]; converted: RubySpan[] } {
    const simplified =
      this.direction.to === 'cn' ? converted : this.direction.from === 'cn' ? original : this.converter.convert(original, { from: this.direction.from, to: 'cn' });
    const track = this.pinyin!.track(simplified);
    const carry = (text: string): RubySpan[] => {
      if (text === simplified) {
        return [...track];
      }
      const map = text.length === simplified.length ? undefined : OffsetMap.between(simplified, text);
      const spans: RubySpan[] = [];
      for (const [offset, reading] of track) {
        const at = map ? map.toConverted(offset) : offset;
        if (/\p{Script=Han}/u.test(text.codePointAt(at) ? String.fromCodePoint(text.codePointAt(at)!) : '')) {
          spans.push([at, reading]);
        }
      }
      return spans;
    };
    return { original: carry(original), converted: carry(converted) };
  }
}
