import type { ValidateFunction } from 'ajv';
import { loadAjv } from '../lazyModules';
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import schema from '../../../schemas/phrases.schema.json';
import type { PhraseOverrideSpec } from './phraseOverrides';
import { lineAndColumn } from '../text/lineNumbers';

export interface PhrasesFileProblem {
  /** 1-based line and column of the problem, when it has a place. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

interface PhrasesJson {
  protected?: string[];
  mappings?: Record<string, string>;
}

export type PhrasesFileResult =
  | { readonly ok: true; readonly spec: PhraseOverrideSpec }
  | { readonly ok: false; readonly problems: readonly PhrasesFileProblem[] };

/** Compiles the shipped JSON schema once per reader; the same schema VS Code validates the file with. */
export class PhrasesFileReader {
  private compiled: ValidateFunction<PhrasesJson> | undefined;

  /** Compiled on first use: compiling a schema costs milliseconds that activation should not spend. */
  private get validate(): ValidateFunction<PhrasesJson> {
    this.compiled ??= new (loadAjv())({ allErrors: true }).compile<PhrasesJson>(schema);
    return this.compiled;
  }

  /** Parses `.bilingual-reader/phrases.json` (comments and trailing commas allowed). */
  read(text: string): PhrasesFileResult {
    const errors: ParseError[] = [];
    const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (errors.length > 0) {
      return {
        ok: false,
        problems: errors.map((e) => ({ ...lineAndColumn(text, e.offset), message: printParseErrorCode(e.error) })),
      };
    }
    if (!this.validate(value)) {
      return {
        ok: false,
        problems: (this.validate.errors ?? []).map((e) => ({
          ...lineAndColumn(text, locate(text, e.instancePath)),
          message: `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`,
        })),
      };
    }
    return { ok: true, spec: { protectedPhrases: value.protected ?? [], mappings: value.mappings ?? {} } };
  }
}

/** Best-effort offset of a JSON pointer's last property name in the text, for a line number. */
function locate(text: string, pointer: string): number {
  const last = pointer.split('/').filter(Boolean).pop();
  if (!last || /^\d+$/.test(last)) {
    const parent = pointer.split('/').filter(Boolean).slice(0, -1).pop();
    return parent ? Math.max(0, text.indexOf(JSON.stringify(parent))) : 0;
  }
  return Math.max(0, text.indexOf(JSON.stringify(last.replace(/~1/g, '/').replace(/~0/g, '~'))));
}
