/**
 * Phrases the user wants left alone (protected) or converted their own way (mappings). They are
 * matched in the source text before OpenCC sees it: leftmost match first, longest phrase first at
 * the same position; only the text between matches is converted by OpenCC.
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
      this.pattern = new RegExp(alternatives.join('|'), 'g');
    }
  }

  get isEmpty(): boolean {
    return this.pattern === undefined;
  }

  /**
   * Wraps a converter so that overridden phrases bypass it. Each phrase is stood in for by a
   * private-use character, which no OpenCC dictionary holds and which cuts segmentation just as
   * converting the pieces between phrases separately would; the text is then converted in one call
   * (opencc-js costs per call: splitting into thousands of calls was 50% slower) and the stand-ins
   * replaced. Text that already holds private-use characters is converted piece by piece instead.
   */
  wrap(convert: (text: string) => string): (text: string) => string {
    const pattern = this.pattern;
    if (!pattern) {
      return convert;
    }
    const phrases = [...this.replacements.keys()];
    const standIn = new Map(phrases.map((phrase, i) => [phrase, String.fromCharCode(PRIVATE_USE_START + i)]));
    const canStandIn = phrases.length <= PRIVATE_USE_SIZE;
    // A global pattern keeps state between test() calls; the probe is its stateless twin.
    const probe = new RegExp(pattern.source);
    return (text: string): string => {
      if (!probe.test(text)) {
        return convert(text);
      }
      if (!canStandIn || PRIVATE_USE.test(text)) {
        return this.convertPieces(text, pattern, convert);
      }
      const converted = convert(text.replace(pattern, (phrase) => standIn.get(phrase)!));
      return converted.replace(PRIVATE_USE_ALL, (ch) => this.replacements.get(phrases[ch.charCodeAt(0) - PRIVATE_USE_START]!)!);
    };
  }

  private convertPieces(text: string, pattern: RegExp, convert: (text: string) => string): string {
    const parts: string[] = [];
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index > last) {
        parts.push(convert(text.slice(last, match.index)));
      }
      parts.push(this.replacements.get(match[0]) ?? match[0]);
      last = match.index + match[0].length;
    }
    parts.push(convert(text.slice(last)));
    return parts.join('');
  }
}

const PRIVATE_USE_START = 0xe000;
const PRIVATE_USE_SIZE = 0xf8ff - 0xe000 + 1;
const PRIVATE_USE = /[\ue000-\uf8ff]/;
const PRIVATE_USE_ALL = /[\ue000-\uf8ff]/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
