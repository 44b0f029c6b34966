/** Errors that end a case with a verdict other than `error`, each with a stable code for tooling. */
import type { Verdict } from './results';

/** Stable codes of the ways a case ends early. */
export type VerdictCode =
  | 'OCPPCT_VALIDATION'
  | 'OCPPCT_EXPECT_TIMEOUT'
  | 'OCPPCT_CALL_FAILED'
  | 'OCPPCT_PROTOCOL_VIOLATION'
  | 'OCPPCT_DISCONNECTED'
  | 'OCPPCT_NOT_CONNECTED'
  | 'OCPPCT_OPERATOR'
  | 'OCPPCT_PRECONDITION'
  | 'OCPPCT_NOT_APPLICABLE'
  | 'OCPPCT_CASE_TIMEOUT'
  | 'OCPPCT_INTERRUPTED';

/** Thrown inside a case to end it with `verdict`; the message becomes the case's reason. */
export class VerdictError extends Error {
  constructor(
    readonly verdict: Exclude<Verdict, 'passed' | 'error'>,
    readonly code: VerdictCode,
    message: string,
  ) {
    super(message);
    this.name = 'VerdictError';
  }
}

/** The SUT broke a requirement. */
export function sutFailed(code: VerdictCode, message: string): VerdictError {
  return new VerdictError('failed', code, message);
}

/** The run could not decide (operator did not act, precondition could not be set up). */
export function inconclusive(code: VerdictCode, message: string): VerdictError {
  return new VerdictError('inconclusive', code, message);
}

/** The case does not apply to this SUT (e.g. it needs a second connector that the station does not have). */
export function notApplicable(message: string): VerdictError {
  return new VerdictError('notApplicable', 'OCPPCT_NOT_APPLICABLE', message);
}
