// Both sides have implemented cases, and every implemented case belongs to exactly one self-test file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { selfTestMatrix } from '../../src/engine/selftest';
import { SELF_TEST_FILES } from './selftest';

test('cases are implemented on both sides, in blocks A to P', () => {
  const matrix = selfTestMatrix();
  expect(matrix.some(({ testCase }) => testCase.sut === 'CS')).toBe(true);
  expect(matrix.some(({ testCase }) => testCase.sut === 'CSMS')).toBe(true);
  for (const { testCase } of matrix) expect(testCase.info.block).toMatch(/^[A-P]$/);
});

test('every implemented case is in exactly one self-test file, and each file of the split exists', () => {
  const files = Object.entries(SELF_TEST_FILES);
  for (const [file] of files) expect(existsSync(join(__dirname, `${file}.test.ts`))).toBe(true);
  const misplaced = selfTestMatrix()
    .map(({ testCase }) => ({ id: testCase.id, in: files.filter(([, f]) => f.sut === testCase.sut && f.blocks.test(testCase.info.block)).map(([name]) => name) }))
    .filter((c) => c.in.length !== 1);
  expect(misplaced).toEqual([]);
});
