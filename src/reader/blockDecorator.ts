import type { ChineseConverter } from '../core/conversion/chineseConverter';
import type { Direction } from '../core/conversion/locales';
import { cardForEntry, GlossaryCard } from '../core/glossary/glossaryCard';
import type { TermMatcher } from '../core/glossary/termMatcher';
import type { PinyinAnnotator } from '../core/pinyin/pinyinAnnotator';
import { OffsetMap } from '../core/reader/offsetMap';
import type { TextRange } from '../core/annotations/annotation';
import { sourceRangeToBlockText } from '../core/annotations/sourceMapping';
import type { BlockDecorator } from '../core/reader/readerModel';
import type { ReflowBlock } from '../core/reader/reflow';
import type { NoteSpan, RubySpan, TermSpan } from '../protocol/readerMessages';

/** Annotated source ranges with their note ids. */
export type NoteRanges = readonly { readonly id: string; readonly range: TextRange }[];

/**
 * Terms marked per column of one block. Real paragraphs hold far fewer; a one-line multi-megabyte
 * document could hold hundreds of thousands, whose spans would make the panel crawl.
 */
const MAX_TERMS_PER_BLOCK = 2000;

/**
 * Marks glossary terms in both columns of the reader and, when asked, the pinyin of every Han
 * character. Cards of the terms it finds are collected for the webview, each sent once.
 */
export class ReaderBlockDecorator {
  private readonly cards = new Map<string, GlossaryCard>();
  /** Short card keys by entry and matched form, so messages stay small. */
  private readonly keys = new Map<string, string>();
  private readonly sent = new Set<string>();

  constructor(
    private readonly matcher: TermMatcher | undefined,
    private readonly pinyin: PinyinAnnotator | undefined,
    private readonly direction: Direction,
    private readonly converter: ChineseConverter,
    private readonly notes: () => NoteRanges = () => [],
    private readonly showLineBreaks = false,
  ) {}

  readonly decorate: BlockDecorator = (original, converted, block) => ({
    ...(this.matcher ? { terms: { original: this.terms(original), converted: this.terms(converted) } } : {}),
    ...(this.pinyin ? { ruby: this.ruby(original, converted) } : {}),
    ...this.noteSpans(original, converted, block),
  });

  /** Notes on the block's source text, as stretches of both columns. */
  private noteSpans(original: string, converted: string, block: ReflowBlock): { notes?: { original: NoteSpan[]; converted: NoteSpan[] } } {
    const spans: NoteSpan[] = [];
    for (const { id, range } of this.notes()) {
      if (range.end <= block.startOffset || range.start >= block.endOffset) {
        continue;
      }
      const inText = this.showLineBreaks
        ? { start: Math.max(0, range.start - block.startOffset), end: Math.min(original.length, range.end - block.startOffset) }
        : sourceRangeToBlockText(block, range);
      if (inText && inText.end > inText.start) {
        spans.push([inText.start, inText.end, id]);
      }
    }
    if (spans.length === 0) {
      return {};
    }
    const map = original === converted ? undefined : OffsetMap.between(original, converted);
    const toConverted = (offset: number) => (map ? map.toConverted(offset) : offset);
    return { notes: { original: spans, converted: spans.map(([s, e, id]) => [toConverted(s), toConverted(e), id] as const) } };
  }

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
    return this.matcher!.findAll(text).slice(0, MAX_TERMS_PER_BLOCK).map((hit) => {
      const matched = text.slice(hit.start, hit.end);
      const identity = `${hit.entry.origin}\u0000${hit.entry.term}\u0000${matched}`;
      let key = this.keys.get(identity);
      if (!key) {
        key = String(this.keys.size);
        this.keys.set(identity, key);
        this.cards.set(key, cardForEntry(hit.entry, matched));
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
