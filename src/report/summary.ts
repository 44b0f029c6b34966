// Writes summary.json: the machine-readable outcome of a run, for CI gates and dashboards.
import { join } from 'node:path';
import type { RunResult, SutRole, Verdict } from '../engine/results';
import { countVerdicts, type NamedReporter, type VerdictCounts, writeTextFile } from './common';

/** The content of summary.json. */
export interface RunSummary {
  readonly toolVersion: string;
  readonly runId: string;
  readonly sut: SutRole;
  readonly target: string;
  readonly fault?: string;
  readonly profiles: readonly string[];
  readonly startedAt: string;
  readonly durationMs: number;
  readonly counts: VerdictCounts;
  readonly cases: readonly {
    readonly id: string;
    readonly name: string;
    readonly verdict: Verdict;
    readonly durationMs: number;
    readonly reason: string;
  }[];
}

/** Condenses a run into its summary. */
export function summarizeRun(run: RunResult): RunSummary {
  const { info } = run;
  return {
    toolVersion: info.toolVersion,
    runId: info.runId,
    sut: info.sut,
    target: info.target,
    fault: info.fault,
    profiles: info.profiles,
    startedAt: info.startedAt,
    durationMs: run.durationMs,
    counts: countVerdicts(run.cases),
    cases: run.cases.map((c) => ({
      id: c.info.id,
      name: c.info.name,
      verdict: c.verdict,
      durationMs: c.durationMs,
      reason: c.reason,
    })),
  };
}

/** Reporter writing `<outDir>/summary.json`. */
export function createSummaryReporter(outDir: string): NamedReporter {
  return {
    name: 'summary',
    async onRunEnd(run) {
      return [await writeTextFile(join(outDir, 'summary.json'), `${JSON.stringify(summarizeRun(run), null, 2)}\n`)];
    },
  };
}
