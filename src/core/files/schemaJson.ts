import type { ValidateFunction } from 'ajv';
import { parse, ParseError, printParseErrorCode } from 'jsonc-parser';
import { loadAjv, loadAjvFormats } from '../lazyModules';
import { lineAndColumn } from '../text/lineNumbers';

export type SchemaJsonResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string; readonly line: number };

/**
 * A JSON file kept to a JSON Schema the extension ships (notes, translations): strict JSON in (no
 * comments, no trailing commas), checked by Ajv (draft-07, `date-time` formats), the schema compiled
 * on first use — off the activation path.
 */
export class SchemaJson<T> {
  private compiled: ValidateFunction<T> | undefined;

  constructor(private readonly schema: object) {}

  private get validate(): ValidateFunction<T> {
    this.compiled ??= loadAjvFormats()(new (loadAjv())({ allErrors: false }), ['date-time']).compile<T>(this.schema);
    return this.compiled;
  }

  /** The value in `text`, or its first problem: a syntax error with its line (1-based), or a schema error (line 0). */
  parse(text: string): SchemaJsonResult<T> {
    const errors: ParseError[] = [];
    const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
    if (errors.length > 0) {
      return { ok: false, problem: printParseErrorCode(errors[0]!.error), line: lineAndColumn(text, errors[0]!.offset).line };
    }
    const problem = this.problem(value);
    return problem === undefined ? { ok: true, value: value as T } : { ok: false, problem, line: 0 };
  }

  /** Why `value` does not match the schema (the first error, with its JSON pointer), or undefined when it does. */
  problem(value: unknown): string | undefined {
    if (this.validate(value)) {
      return undefined;
    }
    const error = this.validate.errors?.[0];
    return `${error?.instancePath || '/'} ${error?.message ?? 'does not match the schema'}`;
  }
}
