import type { ValidateFunction } from 'ajv';
import { lineAndColumn } from '../text/lineNumbers';
import { loadAjv, loadCsvParse, loadCsvStringify, loadXml } from '../lazyModules';
import { parse as parseJsonc, ParseError, printParseErrorCode } from 'jsonc-parser';
import schema from '../../../schemas/glossary.schema.json';
import type { GlossaryEntry, GlossaryOrigin } from './glossaryEntry';

export type GlossaryFormat = 'json' | 'tsv' | 'tbx';

/**
 * The largest glossary file read, in bytes (16 MiB: about 300,000 TSV entries). A bigger one would
 * block the extension host for seconds while it is parsed; it is refused with a message instead.
 */
export const MAX_GLOSSARY_FILE_BYTES = 16 * 1024 * 1024;

export interface GlossaryProblem {
  /** 1-based line of the problem, 0 when it has no place. */
  readonly line: number;
  readonly message: string;
}

export interface GlossaryFile {
  readonly entries: readonly GlossaryEntry[];
  readonly problems: readonly GlossaryProblem[];
}

interface JsonEntry {
  term?: string;
  traditional?: string;
  simplified?: string;
  variants?: string[];
  pinyin?: string;
  english: string | string[];
  note?: string;
  domain?: string;
}

export function glossaryFormat(path: string): GlossaryFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) {
    return 'json';
  }
  if (lower.endsWith('.tsv') || lower.endsWith('.txt') || lower.endsWith('.utf8') || lower.endsWith('.tab')) {
    return 'tsv';
  }
  if (lower.endsWith('.tbx') || lower.endsWith('.xml')) {
    return 'tbx';
  }
  return undefined;
}

/** Reads glossary files in the three formats users bring: our JSON, OmegaT's tab-separated files, TBX. */
export class GlossaryReader {
  private compiled: ValidateFunction<{ entries: JsonEntry[] }> | undefined;

  /** Compiled on first use, off the activation path. */
  private get validate(): ValidateFunction<{ entries: JsonEntry[] }> {
    this.compiled ??= new (loadAjv())({ allErrors: true }).compile<{ entries: JsonEntry[] }>(schema);
    return this.compiled;
  }

  /**
   * Entries and problems of one file's `text`. Never throws: a file that cannot be read yields no
   * entries and a problem, so that one bad file never stops the others. Text over
   * MAX_GLOSSARY_FILE_BYTES (counted as UTF-8) is refused unread.
   */
  read(text: string, format: GlossaryFormat, origin: GlossaryOrigin, sourceName: string): GlossaryFile {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_GLOSSARY_FILE_BYTES) {
      return { entries: [], problems: [{ line: 0, message: tooLarge(bytes) }] };
    }
    try {
      return this.readFormat(text, format, origin, sourceName);
    } catch (error) {
      return { entries: [], problems: [{ line: 0, message: error instanceof Error ? error.message : String(error) }] };
    }
  }

  private readFormat(text: string, format: GlossaryFormat, origin: GlossaryOrigin, sourceName: string): GlossaryFile {
    switch (format) {
      case 'json':
        return this.readJson(text, origin, sourceName);
      case 'tsv':
        return readTsv(text, origin, sourceName);
      case 'tbx':
        return readTbx(text, origin, sourceName);
    }
  }

  private readJson(text: string, origin: GlossaryOrigin, sourceName: string): GlossaryFile {
    const errors: ParseError[] = [];
    const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
    if (errors.length > 0) {
      return { entries: [], problems: errors.map((e) => ({ line: lineAndColumn(text, e.offset).line, message: printParseErrorCode(e.error) })) };
    }
    if (!this.validate(value)) {
      return {
        entries: [],
        problems: (this.validate.errors ?? []).slice(0, 5).map((e) => ({
          line: lineOfEntry(text, e.instancePath),
          message: `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
        })),
      };
    }
    const entries = value.entries.map((e) => ({
      term: e.term ?? e.traditional ?? e.simplified ?? '',
      traditional: e.traditional,
      simplified: e.simplified,
      variants: e.variants ?? [],
      pinyin: e.pinyin || undefined,
      english: typeof e.english === 'string' ? [e.english] : e.english,
      note: e.note || undefined,
      domain: e.domain,
      origin,
      sourceName,
    }));
    return { entries, problems: [] };
  }
}

/** OmegaT glossary: source term, target term, optional comment, tab-separated; # starts a comment line. */
function readTsv(text: string, origin: GlossaryOrigin, sourceName: string): GlossaryFile {
  const rows = loadCsvParse().parse(text.replace(/^\uFEFF/, ''), {
    delimiter: '\t',
    quote: false,
    relax_column_count: true,
    skip_empty_lines: true,
    comment: '#',
    comment_no_infix: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const entries: GlossaryEntry[] = [];
  const problems: GlossaryProblem[] = [];
  for (const { record, info } of rows) {
    const [source, target, comment] = record.map((f) => f.trim());
    if (!source || !target) {
      problems.push({ line: info.lines, message: 'expected a source term and a target term separated by a tab' });
      continue;
    }
    entries.push({ term: source, variants: [], english: [target], note: comment || undefined, origin, sourceName });
  }
  return { entries, problems };
}

type XmlNode = Record<string, unknown>;
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** TBX: TBX-Basic / TBX 2 (`martif`, `termEntry`, `langSet`, `tig` or `ntig`) and TBX 3 (`tbx`, `conceptEntry`, `langSec`, `termSec`). */
function readTbx(text: string, origin: GlossaryOrigin, sourceName: string): GlossaryFile {
  // No entity declarations at all: an internal one can expand to gigabytes ("billion laughs"), an
  // external one reads other files. TBX needs none; the five XML entities still work.
  const entity = /<!ENTITY/i.exec(text);
  if (entity) {
    return { entries: [], problems: [{ line: lineAndColumn(text, entity.index).line, message: 'entity declarations (<!ENTITY …>) are not allowed in glossary files' }] };
  }
  const { XMLParser, XMLValidator } = loadXml();
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return { entries: [], problems: [{ line: valid.err.line, message: valid.err.msg }] };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    isArray: (name) => ['termEntry', 'conceptEntry', 'langSet', 'langSec', 'tig', 'ntig', 'termSec', 'descrip', 'note', 'termGrp'].includes(name),
  });
  const document = parser.parse(text) as XmlNode;
  const root = (document.martif ?? document.tbx) as XmlNode | undefined;
  const body = ((root?.text as XmlNode | undefined)?.body ?? undefined) as XmlNode | undefined;
  if (!body) {
    return { entries: [], problems: [{ line: 1, message: 'not a TBX file: expected <martif> or <tbx> with <text><body>' }] };
  }
  const entries: GlossaryEntry[] = [];
  const problems: GlossaryProblem[] = [];
  const concepts = [...asArray(body.termEntry as XmlNode[]), ...asArray(body.conceptEntry as XmlNode[])];
  concepts.forEach((concept, index) => {
    const chinese: { term: string; lang: string }[] = [];
    const english: string[] = [];
    const notes: string[] = [...textsOf(concept.descrip), ...textsOf(concept.note)];
    for (const langSet of [...asArray(concept.langSet as XmlNode[]), ...asArray(concept.langSec as XmlNode[])]) {
      const lang = String(langSet['@xml:lang'] ?? '').toLowerCase();
      notes.push(...textsOf(langSet.descrip), ...textsOf(langSet.note));
      const groups = [...asArray(langSet.tig as XmlNode[]), ...asArray(langSet.termSec as XmlNode[])];
      for (const ntig of asArray(langSet.ntig as XmlNode[])) {
        groups.push(...asArray(ntig.termGrp as XmlNode[]));
      }
      for (const group of groups) {
        notes.push(...textsOf(group.descrip), ...textsOf(group.note));
        const term = textOf(group.term);
        if (!term) {
          continue;
        }
        if (lang.startsWith('zh')) {
          chinese.push({ term, lang });
        } else if (lang.startsWith('en')) {
          english.push(term);
        }
      }
    }
    if (chinese.length === 0 || english.length === 0) {
      problems.push({ line: 0, message: `entry ${index + 1}${concept['@id'] ? ` (${String(concept['@id'])})` : ''} has no Chinese or no English term` });
      return;
    }
    const traditional = chinese.find((c) => /hant|tw|hk|mo/.test(c.lang))?.term;
    const simplified = chinese.find((c) => /hans|cn|sg/.test(c.lang))?.term;
    const term = traditional ?? simplified ?? chinese[0]!.term;
    entries.push({
      term,
      traditional,
      simplified,
      variants: chinese.map((c) => c.term).filter((t) => t !== term && t !== traditional && t !== simplified),
      english,
      note: notes[0],
      origin,
      sourceName,
    });
  });
  return { entries, problems };
}

function textOf(node: unknown): string | undefined {
  if (typeof node === 'string' || typeof node === 'number') {
    return String(node).trim() || undefined;
  }
  if (node && typeof node === 'object' && '#text' in node) {
    return String((node as XmlNode)['#text']).trim() || undefined;
  }
  return undefined;
}

function textsOf(nodes: unknown): string[] {
  return asArray(nodes as unknown[]).map(textOf).filter((t): t is string => t !== undefined);
}

/** A term found in a document, for export. */
export interface ExportedTerm {
  readonly entry: GlossaryEntry;
  readonly count: number;
}

export function termsToCsv(terms: readonly ExportedTerm[]): string {
  return loadCsvStringify().stringify(
    terms.map(({ entry, count }) => [
      entry.term,
      entry.traditional ?? '',
      entry.simplified ?? '',
      entry.pinyin ?? '',
      entry.english.join('; '),
      entry.note ?? '',
      entry.domain ?? '',
      count,
      entry.sourceName,
    ]),
    { header: true, columns: ['term', 'traditional', 'simplified', 'pinyin', 'english', 'note', 'domain', 'occurrences', 'glossary'], bom: true },
  );
}

/** TBX 3 (TBX-Basic dialect) with one concept per term: zh-Hant, zh-Hans and en term sections. */
export function termsToTbx(terms: readonly ExportedTerm[], title: string): string {
  const builder = new (loadXml().XMLBuilder)({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });
  const termSec = (term: string) => ({ termSec: { term } });
  const body = {
    conceptEntry: terms.map(({ entry }, i) => ({
      '@id': `c${i + 1}`,
      ...(entry.domain ? { descrip: { '@type': 'subjectField', '#text': entry.domain } } : {}),
      langSec: [
        ...(entry.traditional || !entry.simplified ? [{ '@xml:lang': 'zh-Hant', ...termSec(entry.traditional ?? entry.term) }] : []),
        ...(entry.simplified ? [{ '@xml:lang': 'zh-Hans', ...termSec(entry.simplified) }] : []),
        { '@xml:lang': 'en', termSec: entry.english.map((term) => ({ term })) },
      ],
      ...(entry.note ? { note: entry.note } : {}),
    })),
  };
  const xml = builder.build({
    tbx: {
      '@style': 'dca',
      '@type': 'TBX-Basic',
      '@xml:lang': 'en',
      '@xmlns': 'urn:iso:std:iso:30042:ed-2',
      tbxHeader: { fileDesc: { sourceDesc: { p: title } } },
      text: { body },
    },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}


/** The line of `/entries/N` in a JSON glossary: the N-th object opened inside the entries array. */
function lineOfEntry(text: string, pointer: string): number {
  const match = /^\/entries\/(\d+)/.exec(pointer);
  if (!match) {
    return 1;
  }
  const wanted = Number(match[1]);
  const entriesAt = text.indexOf('"entries"');
  let depth = 0;
  let seen = -1;
  for (let i = text.indexOf('[', entriesAt) + 1; i > 0 && i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i = skipString(text, i);
    } else if (ch === '{' || ch === '[') {
      if (depth === 0 && ch === '{' && ++seen === wanted) {
        return lineAndColumn(text, i).line;
      }
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
    }
  }
  return 1;
}

function skipString(text: string, quote: number): number {
  for (let i = quote + 1; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '"') {
      return i;
    }
  }
  return text.length;
}

/** The message for a file over MAX_GLOSSARY_FILE_BYTES. */
export function tooLarge(bytes: number): string {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
  return `${mib(bytes)} is over the ${mib(MAX_GLOSSARY_FILE_BYTES)} limit for glossary files; it was not read`;
}
