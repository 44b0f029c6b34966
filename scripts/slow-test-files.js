// Jest reporter (jest.config.js): names every test file that took longer than 3 minutes, and the slowest files, after the run; never fails it.
'use strict';

const LIMIT_MS = 3 * 60 * 1000;
const SHOWN = 5;

/** Collects each test file's duration and prints the slowest ones at the end. */
class SlowTestFiles {
  constructor() {
    this.durations = [];
  }

  onTestResult(test, result) {
    const { start, end } = result.perfStats;
    if (start && end) this.durations.push({ file: require('node:path').relative(process.cwd(), test.path), ms: end - start });
  }

  onRunComplete() {
    if (this.durations.length < 2) return;
    const slowest = [...this.durations].sort((a, b) => b.ms - a.ms);
    const over = slowest.filter((d) => d.ms > LIMIT_MS);
    const line = (d) => `  ${(d.ms / 1000).toFixed(1).padStart(6)} s  ${d.file}`;
    process.stderr.write(`\nSlowest test files:\n${slowest.slice(0, SHOWN).map(line).join('\n')}\n`);
    if (over.length > 0) process.stderr.write(`Test files over the 3-minute budget (split them, see test/selftest/selftest.ts):\n${over.map(line).join('\n')}\n`);
  }
}

module.exports = SlowTestFiles;
