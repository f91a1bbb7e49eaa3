/**
 * Libraries the extension needs only for some files and commands (schema validation, CSV, XML,
 * fuzzy matching), loaded on first use: requiring them here, inside functions, keeps the bundler
 * from running their module code when the extension activates.
 */

import type { TmxJson } from './translation/memoryUnits';
/* eslint-disable @typescript-eslint/no-require-imports */

export function loadAjv(): typeof import('ajv').default {
  return (require('ajv') as typeof import('ajv')).default;
}

export function loadAjvFormats(): typeof import('ajv-formats').default {
  return (require('ajv-formats') as typeof import('ajv-formats')).default;
}

export function loadCsvParse(): typeof import('csv-parse/sync') {
  return require('csv-parse/sync') as typeof import('csv-parse/sync');
}

export function loadCsvStringify(): typeof import('csv-stringify/sync') {
  return require('csv-stringify/sync') as typeof import('csv-stringify/sync');
}

export function loadXml(): typeof import('fast-xml-parser') {
  return require('fast-xml-parser') as typeof import('fast-xml-parser');
}

export function loadApproxStringMatch(): typeof import('approx-string-match').default {
  return (require('approx-string-match') as typeof import('approx-string-match')).default;
}

/** What the extension uses of tmexchange (locize): TMX 1.4b from and to plain objects; it has no type declarations. */
export interface TmxExchange {
  js2tmx(
    value: {
      readonly sourceLanguage: string;
      readonly creationTool?: string;
      readonly creationToolVersion?: string;
      /** The original translation memory format (the header's o-tmf). */
      readonly oTMF?: string;
      readonly resources: Record<string, Record<string, Record<string, string>>>;
    },
    callback: (error: Error | null, tmx: string) => void,
  ): void;
  /** Reads TMX (1.4b; xml2js underneath, which reads no DTD): units keyed by tuid, or by source text without one. */
  tmx2js(tmx: string, callback: (error: Error | null, value: TmxJson) => void): void;
}

export function loadTmx(): TmxExchange {
  return require('tmexchange') as TmxExchange;
}

/** unpdf (pdf.js for every runtime, MIT): the PDF text layer. Bundled into dist/pdf.js, loaded on the first PDF opened. */
export function loadPdf(): typeof import('unpdf') {
  return require('unpdf') as typeof import('unpdf');
}
