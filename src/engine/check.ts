/** Part 6 tool validations as recorded assertions: each check is kept as evidence, and a failed one ends the case as failed. */
import type { CaseRecorder } from './recorder';
import { sutFailed } from './verdict';

const show = (value: unknown): string => (value === undefined ? '(omitted)' : typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

/** The assertions a case makes about what the SUT sent. */
export class Check {
  constructor(private readonly recorder: CaseRecorder) {}

  /** `actual` must equal `expected` (strict, or deep for objects and arrays). */
  equal(label: string, actual: unknown, expected: unknown): void {
    this.record(label, JSON.stringify(actual) === JSON.stringify(expected), show(expected), show(actual));
  }

  /** `actual` must be one of `allowed`. */
  oneOf(label: string, actual: unknown, allowed: readonly unknown[]): void {
    this.record(label, allowed.some((a) => a === actual), `one of ${allowed.map(show).join(', ')}`, show(actual));
  }

  /** `actual` must not equal `forbidden`. */
  notEqual(label: string, actual: unknown, forbidden: unknown): void {
    this.record(label, actual !== forbidden, `not ${show(forbidden)}`, show(actual));
  }

  /** A condition described by its expectation, with what was actually found. */
  that(label: string, ok: boolean, expected: string, actual: string): void {
    this.record(label, ok, expected, actual);
  }

  /**
   * A validation Part 6 lists but says must not fail the case (e.g. properties of a certificate the CSMS under test
   * probably did not make): its real outcome goes into the report, marked advisory, and the case goes on either way.
   */
  advisory(label: string, ok: boolean, expected: string, actual: string): void {
    this.recorder.validation({ label, ok, expected, actual, advisory: true });
  }

  private record(label: string, ok: boolean, expected: string, actual: string): void {
    this.recorder.validation({ label, ok, expected, actual });
    if (!ok) throw sutFailed('OCPPCT_VALIDATION', `${label}: expected ${expected}, got ${actual}`);
  }
}
