/** Turns ajv errors into one line per bad field (JSON path and reason), the way every ocpp-ct file error reads. */
import type { ErrorObject } from 'ajv';

/** One `<path>: <reason>` line per schema error; `explain` may word an error better (return undefined to keep ajv's). */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined, explain: (error: ErrorObject) => string | undefined = () => undefined): string[] {
  const lines = (errors ?? [])
    // if/then/else only repeat that a branch failed; the branch's own errors say how.
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      const own = explain(e);
      if (own) return own;
      const path = e.instancePath || '(root)';
      if (e.keyword === 'additionalProperties') return `${path}/${String(e.params.additionalProperty)}: is not a known field`;
      if (e.keyword === 'enum') return `${path}: ${e.message}: ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      return `${path}: ${e.message}`;
    });
  return [...new Set(lines)];
}
