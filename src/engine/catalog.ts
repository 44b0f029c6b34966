/** Finds the implemented cases: every `testcases/<side>/<Block>/TC_*.ts` file, loaded and checked against its file name. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SutRole } from './results';
import type { TestCase } from './testcase';

/** The folder holding the case files. */
export const TESTCASES_DIR = join(__dirname, '..', '..', 'testcases');

/** Every implemented case of one side (or both), sorted by id. */
export function loadCases(sut?: SutRole, root: string = TESTCASES_DIR): TestCase[] {
  const sides: SutRole[] = sut ? [sut] : ['CS', 'CSMS'];
  const cases: TestCase[] = [];
  for (const side of sides) {
    const sideDir = join(root, side.toLowerCase());
    for (const block of safeReaddir(sideDir).filter((b) => /^[A-P]$/.test(b)).sort()) {
      // .js when the CLI runs compiled from dist/ (scripts/build.js), .ts otherwise.
      for (const file of safeReaddir(join(sideDir, block)).filter((f) => /^TC_.*\.[tj]s$/.test(f) && !f.endsWith('.d.ts')).sort()) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- case files are found at run time
        const loaded = require(join(sideDir, block, file)) as { default?: TestCase };
        const testCase = loaded.default;
        const expected = file.replace(/\.[tj]s$/, '');
        if (!testCase || testCase.id !== expected) throw new Error(`${side}/${block}/${file} must default-export defineTestCase({ id: '${expected}', … })`);
        if (testCase.sut !== side || testCase.info.block !== block) throw new Error(`${expected} is filed under ${side.toLowerCase()}/${block} but declares ${testCase.sut}/${testCase.info.block}`);
        cases.push(testCase);
      }
    }
  }
  return cases.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Turns a glob like `TC_B_*` or a comma list into a predicate on case ids. */
export function caseFilter(patterns: string | undefined): (id: string) => boolean {
  if (!patterns) return () => true;
  const regexes = patterns
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`));
  return (id) => regexes.some((r) => r.test(id));
}
