// Both sides have implemented cases, and every implemented case belongs to exactly one self-test file.
import { selfTestMatrix } from '../../src/engine/selftest';

test('cases are implemented on both sides, in blocks A to P', () => {
  const matrix = selfTestMatrix();
  expect(matrix.some(({ testCase }) => testCase.sut === 'CS')).toBe(true);
  expect(matrix.some(({ testCase }) => testCase.sut === 'CSMS')).toBe(true);
  for (const { testCase } of matrix) expect(testCase.info.block).toMatch(/^[A-P]$/);
});
