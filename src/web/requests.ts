// Checks the JSON bodies the browser sends, field by field, so a bad request is a 400 with the reason and never reaches the engine.
import { checkConfigFile, type RunConfigFile } from '../engine/config';
import type { OperatorAnswer } from '../drivers/web';
import { checkPics, type Pics } from '../profiles/pics';
import { picsProblems } from '../profiles/pics-init';
import { HttpError } from './http-error';

/** A request to start a run, as the "New run" form sends it. */
export interface StartRequest {
  readonly sut: 'cs' | 'csms';
  /** `reference`, `listen` (sut cs) or the ws:// / wss:// URL of the CSMS (sut csms). */
  readonly target: string;
  /** Case ids or globs, comma separated; all implemented cases (or all of the profiles) when absent. */
  readonly cases?: string;
  /** Certification profiles, comma separated (needs `pics`). */
  readonly profile?: string;
  /** The content of the SUT's PICS, already checked against its schema. */
  readonly pics?: Pics;
  readonly fault?: string;
  /** With target `listen`: the port the harness serves on. */
  readonly port?: number;
  /** The content of a run configuration file, already checked against its schema. */
  readonly config?: RunConfigFile;
  /** `web`: demo / training mode, every reference SUT action is confirmed in the browser first. */
  readonly operatorActions: 'auto' | 'web';
  readonly html: boolean;
}

/** An operator's answer to a prompt. */
export interface AnswerRequest {
  readonly answer: OperatorAnswer;
  /** The name the operator typed, if any. */
  readonly name?: string;
}

const START_FIELDS = ['sut', 'target', 'cases', 'profile', 'pics', 'fault', 'port', 'config', 'operatorActions', 'html'];
const CASES = /^[A-Za-z0-9_*?, ]{1,1000}$/;
const FAULT = /^[A-Za-z0-9_.-]{1,100}$/;
const PROFILES = /^[a-z0-9-]+(?: *, *[a-z0-9-]+)*$/;
const OPERATOR_NAME = /^[\p{L}\p{N} ._@'-]{1,64}$/u;

/** Checks a start request; throws a 400 naming the field and the reason. */
export function parseStartRequest(body: unknown): StartRequest {
  const b = objectBody(body, START_FIELDS);
  const sut = oneOf(b, 'sut', ['cs', 'csms'] as const);
  if (typeof b.target !== 'string' || b.target.length === 0 || b.target.length > 2048) throw new HttpError(400, "'target' must be 'reference', 'listen' or a ws:// / wss:// URL");
  const cases = optional(b, 'cases', (v) => typeof v === 'string' && CASES.test(v), "case ids or globs separated by commas (letters, digits, _ * ?)");
  const profile = optional(b, 'profile', (v) => typeof v === 'string' && v.length <= 500 && PROFILES.test(v), "profile ids separated by commas (e.g. 'core,smart-charging')");
  const pics = b.pics === undefined ? undefined : checkPics(b.pics, 'the uploaded PICS');
  // The combinations `pics init` refuses are refused here too, in its words.
  const impossible = pics ? picsProblems(pics) : [];
  if (impossible.length > 0) throw new HttpError(400, `the uploaded PICS is not possible:\n  ${impossible.map((p) => `Not possible: ${p.message}`).join('\n  ')}`);
  const fault = optional(b, 'fault', (v) => typeof v === 'string' && FAULT.test(v), 'a fault name (see ocpp-ct list --faults)');
  const port = optional(b, 'port', (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 65535, 'an integer from 0 to 65535');
  const config = b.config === undefined ? undefined : checkConfigFile(b.config, 'the uploaded config file');
  const operatorActions = b.operatorActions === undefined ? 'auto' : oneOf(b, 'operatorActions', ['auto', 'web'] as const);
  const html = optional(b, 'html', (v) => typeof v === 'boolean', 'true or false') ?? true;
  if (operatorActions === 'web' && b.target !== 'reference') throw new HttpError(400, "'operatorActions: web' (confirm the reference SUT's actions in the browser) applies only to target 'reference'; a real SUT always gets its prompts in the browser");
  return { sut, target: b.target, cases: cases as string | undefined, profile: profile as string | undefined, pics, fault: fault as string | undefined, port: port as number | undefined, config, operatorActions, html: html as boolean };
}

/** Checks an answer to a prompt; throws a 400 naming the field and the reason. */
export function parseAnswerRequest(body: unknown): AnswerRequest {
  const b = objectBody(body, ['answer', 'name']);
  const answer = oneOf(b, 'answer', ['done', 'cannot'] as const);
  const name = optional(b, 'name', (v) => typeof v === 'string' && (v === '' || OPERATOR_NAME.test(v)), 'up to 64 letters, digits, spaces and . _ @ \' -');
  return { answer, name: name ? (name as string) : undefined };
}

function objectBody(body: unknown, fields: readonly string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'the request body must be a JSON object (Content-Type: application/json)');
  const unknown = Object.keys(body).find((k) => !fields.includes(k));
  if (unknown !== undefined) throw new HttpError(400, `unknown field ${JSON.stringify(unknown.slice(0, 100))}; known: ${fields.join(', ')}`);
  return body as Record<string, unknown>;
}

function oneOf<T extends string>(b: Record<string, unknown>, field: string, values: readonly T[]): T {
  if (!values.includes(b[field] as T)) throw new HttpError(400, `'${field}' must be one of ${values.join(', ')}`);
  return b[field] as T;
}

function optional(b: Record<string, unknown>, field: string, ok: (value: unknown) => boolean, what: string): unknown {
  if (b[field] === undefined) return undefined;
  if (!ok(b[field])) throw new HttpError(400, `'${field}' must be ${what}`);
  return b[field];
}
