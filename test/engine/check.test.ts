// Part 6 tool validations: an ordinary check fails the case when it does not hold; an advisory one is recorded with its real outcome and never does.
import { Check } from '../../src/engine/check';
import { CaseRecorder } from '../../src/engine/recorder';
import type { CaseInfo } from '../../src/engine/results';

const info: CaseInfo = { id: 'TC_A_12_CSMS', name: 'n', sut: 'CSMS', block: 'A', useCases: [], requirements: [], detects: [] };

function checked(body: (check: Check) => void): { error: unknown; recorder: CaseRecorder } {
  const recorder = new CaseRecorder(info, {});
  let error: unknown;
  try {
    body(new Check(recorder));
  } catch (e) {
    error = e;
  }
  return { error, recorder };
}

describe('Check', () => {
  test('a check that does not hold throws a failed verdict and is recorded as not ok', () => {
    const { error, recorder } = checked((check) => check.equal('status', 'Rejected', 'Accepted'));
    expect((error as { verdict?: string }).verdict).toBe('failed');
    expect(recorder.steps[0].status).toBe('failed');
    expect(recorder.steps[0].validations[0]).toMatchObject({ ok: false, expected: '"Accepted"', actual: '"Rejected"' });
  });

  test('an advisory validation that does not hold is recorded as not ok, marked advisory, and does not throw', () => {
    const { error, recorder } = checked((check) => check.advisory('key size', false, 'at least 224 bits', 'RSA 128'));
    expect(error).toBeUndefined();
    expect(recorder.steps[0].status).toBe('passed');
    expect(recorder.steps[0].validations[0]).toEqual({ label: 'key size', ok: false, expected: 'at least 224 bits', actual: 'RSA 128', advisory: true });
  });
});
