import { loadCsvStringify } from '../lazyModules';
import { Annotation, positionOf, quoteOf } from './annotation';

/** What an export knows of each annotation beyond the sidecar: computed by the caller. */
export interface ExportItem {
  readonly annotation: Annotation;
  readonly orphan: boolean;
  readonly simplified: string;
  /** The quote's reading in its context, in the configured reading system. */
  readonly reading: string;
  /** Glossary terms in the quote: "實體清單 — Entity List". */
  readonly glossary: readonly string[];
  /** The whole sentence around the quote, line breaks of the source joined. */
  readonly sentence: string;
}

/**
 * A Markdown study sheet: each note with its quote, reading, glossary terms and sentence; orphans last.
 * `labels`: `reading` (the reading system's name), `glossary`, `translation`, `tags`, `orphans`.
 */
export function toMarkdown(title: string, items: readonly ExportItem[], labels: Readonly<Record<string, string>>): string {
  const lines = [`# ${escapeMarkdown(title)}`, ''];
  const section = (item: ExportItem, index: number) => {
    const quote = quoteOf(item.annotation).exact;
    lines.push(`## ${index + 1}. 「${escapeMarkdown(quote)}」${item.simplified && item.simplified !== quote ? ` (${escapeMarkdown(item.simplified)})` : ''}`, '');
    if (item.sentence) {
      lines.push(`> ${escapeMarkdown(item.sentence)}`, '');
    }
    if (item.reading) {
      lines.push(`- ${labels.reading}: ${escapeMarkdown(item.reading)}`);
    }
    for (const term of item.glossary) {
      lines.push(`- ${labels.glossary}: ${escapeMarkdown(term)}`);
    }
    if (item.annotation.body.translation) {
      lines.push(`- ${labels.translation}: ${escapeMarkdown(item.annotation.body.translation)}`);
    }
    if (item.annotation.body.tags.length > 0) {
      lines.push(`- ${labels.tags}: ${item.annotation.body.tags.map((t) => `#${escapeMarkdown(t)}`).join(' ')}`);
    }
    lines.push('', ...item.annotation.body.note.split('\n').map(escapeMarkdown), '');
  };
  const placed = items.filter((i) => !i.orphan);
  const orphans = items.filter((i) => i.orphan);
  placed.forEach(section);
  if (orphans.length > 0) {
    lines.push(`## ${labels.orphans}`, '');
    orphans.forEach((item, i) => section(item, placed.length + i));
  }
  return lines.join('\n');
}

/** CSV for Anki, with Anki's file headers: one card per note; the reading column is named after its system. */
export function toAnkiCsv(items: readonly ExportItem[], readingColumn = 'Pinyin'): string {
  const header = `#separator:comma\n#html:false\n#columns:Quote,Simplified,${readingColumn.replace(/[,\n]/g, ' ')},Glossary,Note,Tags,Sentence\n#tags column:6\n`;
  return (
    header +
    loadCsvStringify().stringify(
      items.map((i) => [
        quoteOf(i.annotation).exact,
        i.simplified,
        i.reading,
        i.glossary.join('; '),
        i.annotation.body.translation ? `${i.annotation.body.note}\n\n${i.annotation.body.translation}` : i.annotation.body.note,
        i.annotation.body.tags.map((t) => t.replace(/\s+/g, '_')).join(' '),
        i.sentence,
      ]),
    )
  );
}

/** The notes as a W3C Web Annotation collection (JSON-LD). */
export function toWebAnnotations(sourceFile: string, items: readonly ExportItem[]): string {
  const collection = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    total: items.length,
    items: items.map(({ annotation }) => ({
      id: `urn:uuid:${annotation.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: annotation.created,
      modified: annotation.modified,
      body: [
        { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: annotation.body.note },
        ...annotation.body.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
        ...(annotation.body.translation ? [{ type: 'TextualBody', purpose: 'describing', language: 'en', value: annotation.body.translation }] : []),
      ],
      target: {
        source: sourceFile,
        selector: [quoteOf(annotation), { ...positionOf(annotation) }],
      },
    })),
  };
  return JSON.stringify(collection, null, 2) + '\n';
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
