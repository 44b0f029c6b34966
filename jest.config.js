/** Jest runs the TypeScript sources directly through SWC; the type check is `npm run typecheck`. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  testTimeout: 60000,
  // Self-test cases wait on the reference SUT and on timeouts, not on the CPU: run several files and several cases at once.
  // Each self-test file bounds its own concurrency by the lane count of src/engine/lanes.ts (at most 16).
  maxWorkers: 4,
  maxConcurrency: 16,
  // Says which test files took longer than 3 minutes (issue 12); it reports, it never fails a test.
  reporters: ['default', '<rootDir>/scripts/slow-test-files.js'],
};
