/**
 * Phrases the user wants left alone (protected) or converted their own way (mappings). They are
 * matched in the source text before OpenCC sees it: leftmost match first, longest phrase first at
 * the same position; only the text between matches goes through OpenCC.
 */
export interface PhraseOverrideSpec {
  /** Phrases kept exactly as written, e.g. place names like 東涌. */
  readonly protectedPhrases?: readonly string[];
  /** Source phrase → replacement, taking precedence over OpenCC. */
  readonly mappings?: Readonly<Record<string, string>>;
}

export class PhraseOverrides {
  static readonly none = new PhraseOverrides({});

  private readonly replacements = new Map<string, string>();
  private readonly pattern: RegExp | undefined;

  constructor(spec: PhraseOverrideSpec) {
    for (const phrase of spec.protectedPhrases ?? []) {
      if (phrase.length > 0) {
        this.replacements.set(phrase, phrase);
      }
    }
    // A mapping wins over protection of the same phrase: it is the more specific wish.
    for (const [from, to] of Object.entries(spec.mappings ?? {})) {
      if (from.length > 0) {
        this.replacements.set(from, to);
      }
    }
    if (this.replacements.size > 0) {
      // Alternation tries alternatives in order, so longest first gives longest match.
      const alternatives = [...this.replacements.keys()]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp);
      this.pattern = new RegExp(alternatives.join('|'), 'gu');
    }
  }

  get isEmpty(): boolean {
    return this.pattern === undefined;
  }

  /** Wraps a converter so that overridden phrases bypass it. */
  wrap(convert: (text: string) => string): (text: string) => string {
    const pattern = this.pattern;
    if (!pattern) {
      return convert;
    }
    return (text: string): string => {
      let out = '';
      let last = 0;
      for (const match of text.matchAll(pattern)) {
        const start = match.index;
        if (start > last) {
          out += convert(text.slice(last, start));
        }
        out += this.replacements.get(match[0]) ?? match[0];
        last = start + match[0].length;
      }
      return last === 0 ? convert(text) : out + (last < text.length ? convert(text.slice(last)) : '');
    };
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
