/** Runs one case against a fresh in-process reference SUT, optionally with a fault: the building block of the self-test. */
import { loadCases } from './catalog';
import { REFERENCE_PRESET, resolveConfig, type RunConfigFile } from './config';
import type { CaseResult } from './results';
import { runCases } from './runner';
import type { TestCase } from './testcase';
import { TOOL_VERSION } from '../version';

/** Runs `testCase` against its side's reference SUT in a lane of its own; returns the case's result. */
export async function runAgainstReference(testCase: TestCase, fault?: string, config?: RunConfigFile): Promise<CaseResult> {
  const result = await runCases({
    info: { runId: `selftest-${testCase.id}${fault ? `-${fault}` : ''}`, toolVersion: TOOL_VERSION, sut: testCase.sut, target: 'reference', fault, profiles: [], startedAt: new Date().toISOString(), outDir: '' },
    cases: [testCase],
    reporter: {},
    target: { kind: 'reference' },
    config: resolveConfig(REFERENCE_PRESET, config),
    fault,
  });
  return result.cases[0];
}

/** Every implemented case with each fault it declares: the self-test matrix. */
export function selfTestMatrix(): { testCase: TestCase; faults: readonly string[] }[] {
  return loadCases().map((testCase) => ({ testCase, faults: testCase.detects }));
}
