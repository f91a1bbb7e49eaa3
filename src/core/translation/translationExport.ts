import { loadTmx, loadXml } from '../lazyModules';
import type { AlignedSegment, SegmentState } from './segmentTranslations';

/** What an export needs to know of the article besides its segments. */
export interface ExportedArticle {
  /** The article's file name, as XLIFF's `original`. */
  readonly file: string;
  /** BCP 47 tags: the article's language (zh-Hant, zh-Hans) and the translation's. */
  readonly sourceLanguage: string;
  readonly targetLanguage: string;
}

/** The XLIFF 2.0 `state` of each of ours; `draft` is XLIFF's `initial` with this subState. */
const XLIFF_STATES: Record<SegmentState, string> = { initial: 'initial', draft: 'initial', translated: 'translated', reviewed: 'reviewed' };
export const DRAFT_SUBSTATE = 'bilingualReader:draft';
/** The subState of a translation whose source sentence changed since: exported as XLIFF's `initial`, to be reviewed. */
export const SOURCE_CHANGED_SUBSTATE = 'bilingualReader:sourceChanged';

/**
 * `text` with what XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE/U+FFFF, a lone
 * surrogate: text extracted from PDFs has vertical tabs and form feeds) as U+FFFD, so that an export
 * stays well-formed. The article is not changed.
 */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding the control characters XML 1.0 forbids is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Segments grouped by the reader block they are in, in article order. */
function byBlock(segments: readonly AlignedSegment[]): AlignedSegment[][] {
  const blocks: AlignedSegment[][] = [];
  for (const segment of segments) {
    const last = blocks[blocks.length - 1];
    if (last && last[0]!.block === segment.block) {
      last.push(segment);
    } else {
      blocks.push([segment]);
    }
  }
  return blocks;
}

/**
 * XLIFF 2.0 (OASIS XLIFF Version 2.0, core): one `file` for the article, one `unit` per reader block
 * (`u1`, `u2`, … in article order), one `segment` per sentence (`s1`, … across the file) with its
 * `state` (and subState `bilingualReader:draft` for drafts), a `target` where there is a translation,
 * and, for a translation whose source sentence changed since, state `initial` with subState
 * `bilingualReader:sourceChanged` and a `note` (an outdated translation is not passed on as finished). Written with fast-xml-parser
 * rather than the `xliff` package, which writes one segment per unit and no states.
 */
export function toXliff(article: ExportedArticle, segments: readonly AlignedSegment[], sourceChangedNote: string): string {
  const builder = new (loadXml().XMLBuilder)({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });
  const units = byBlock(segments).map((block) => {
    const changed = block.filter((s) => s.translation && s.sourceChanged);
    return {
      '@id': `u${block[0]!.block + 1}`,
      ...(changed.length > 0 ? { notes: { note: changed.map((s) => ({ '@appliesTo': 'target', '#text': `s${s.index + 1}: ${sourceChangedNote}` })) } } : {}),
      segment: block.map((s) => {
        const state = s.translation?.state ?? 'initial';
        const outdated = s.translation !== undefined && s.sourceChanged;
        return {
          '@id': `s${s.index + 1}`,
          '@state': outdated ? 'initial' : XLIFF_STATES[state],
          ...(outdated ? { '@subState': SOURCE_CHANGED_SUBSTATE } : state === 'draft' ? { '@subState': DRAFT_SUBSTATE } : {}),
          source: xmlSafe(s.source),
          ...(s.translation && s.translation.target.length > 0 ? { target: xmlSafe(s.translation.target) } : {}),
        };
      }),
    };
  });
  const xml = builder.build({
    xliff: {
      '@xmlns': 'urn:oasis:names:tc:xliff:document:2.0',
      '@version': '2.0',
      '@srcLang': article.sourceLanguage,
      '@trgLang': article.targetLanguage,
      file: { '@id': 'f1', '@original': xmlSafe(article.file), unit: units },
    },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}

/**
 * TMX 1.4b, a translation memory (through tmexchange): one `tu` per translated or reviewed segment
 * (drafts, untranslated ones and translations of a sentence that changed since are not memory), its `tuid` the segment's id, the article's file
 * name as its group, `tuv`s in the source and target languages.
 * @throws Error when tmexchange cannot write it
 */
export function toTmx(article: ExportedArticle, segments: readonly AlignedSegment[], toolVersion: string): Promise<string> {
  const units: Record<string, Record<string, string>> = {};
  for (const s of segments) {
    const state = s.translation?.state;
    if ((state === 'translated' || state === 'reviewed') && !s.sourceChanged && s.translation!.target.trim().length > 0) {
      units[`s${s.index + 1}`] = { [article.sourceLanguage]: xmlSafe(s.source), [article.targetLanguage]: xmlSafe(s.translation!.target) };
    }
  }
  return new Promise((resolve, reject) =>
    loadTmx().js2tmx(
      { sourceLanguage: article.sourceLanguage, creationTool: 'Bilingual Reader', creationToolVersion: toolVersion, oTMF: 'Bilingual Reader', resources: { [article.file]: units } },
      (error, tmx) => (error ? reject(error) : resolve(`<?xml version="1.0" encoding="UTF-8"?>\n${tmx}\n`)),
    ),
  );
}

/**
 * A bilingual Markdown document: for each reader block, its source paragraph, then its translation
 * as a quotation (sentences without a translation left out of it); `title` as the heading.
 */
export function toBilingualMarkdown(title: string, segments: readonly AlignedSegment[], targetLanguage: string): string {
  const parts = [`# ${escapeMarkdown(title)}`];
  for (const block of byBlock(segments)) {
    parts.push(escapeMarkdown(block.map((s) => s.source).join('')));
    const translation = joinTranslations(block, targetLanguage);
    if (translation) {
      parts.push(translation.split('\n').map((line) => `> ${escapeMarkdown(line)}`).join('\n'));
    }
  }
  return parts.join('\n\n') + '\n';
}

/** The translation alone: a paragraph per reader block, blank lines between them. */
export function toTranslationText(segments: readonly AlignedSegment[], targetLanguage: string): string {
  return (
    byBlock(segments)
      .map((block) => joinTranslations(block, targetLanguage))
      .filter((paragraph) => paragraph.length > 0)
      .join('\n\n') + '\n'
  );
}

/** A block's translations joined: with spaces, except in a language written without them (Chinese, Japanese). */
function joinTranslations(block: readonly AlignedSegment[], targetLanguage: string): string {
  const separator = /^(zh|ja)\b/i.test(targetLanguage) ? '' : ' ';
  return block
    .map((s) => s.translation?.target.trim() ?? '')
    .filter((t) => t.length > 0)
    .join(separator);
}

/** Text as Markdown that shows it as it is: inline markup characters escaped, and a block marker at its start. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&').replace(/^([#>+-]|\d+\.)/, '\\$1');
}
