// Writes summary.json: the machine-readable outcome of a run, for CI gates and dashboards; rewritten after every case, so it survives a killed process.
import { join } from 'node:path';
import type { RunResult, SutRole, Verdict } from '../engine/results';
import { countVerdicts, type NamedReporter, RunProgress, serially, type VerdictCounts, writeFileAtomic } from './common';

/** Where a run stands: `running` while cases are still going (the file is rewritten after each), then `finished` or `interrupted`. */
export type RunState = 'running' | 'finished' | 'interrupted';

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
  readonly state: RunState;
  /** The run was stopped (a signal or the UI's Stop) before every selected case ran; those are listed as `notRun`. */
  readonly interrupted: boolean;
  readonly counts: VerdictCounts;
  readonly cases: readonly {
    readonly id: string;
    readonly name: string;
    readonly verdict: Verdict;
    readonly durationMs: number;
    readonly reason: string;
    /** Problems of the harness's clean-up after the case: never the verdict. */
    readonly warnings?: readonly string[];
    readonly startedAt?: string;
  }[];
}

/** Condenses a run into its summary; `state` defaults to how the run ended. */
export function summarizeRun(run: RunResult, state: RunState = run.interrupted ? 'interrupted' : 'finished'): RunSummary {
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
    state,
    interrupted: run.interrupted === true,
    counts: countVerdicts(run.cases),
    cases: run.cases.map((c) => ({
      id: c.info.id,
      name: c.info.name,
      verdict: c.verdict,
      durationMs: c.durationMs,
      reason: c.reason,
      startedAt: c.startedAt,
      ...(c.warnings?.length ? { warnings: c.warnings } : {}),
    })),
  };
}

/** Reporter writing `<outDir>/summary.json` when the run begins, after every case (atomically), and at the end. */
export function createSummaryReporter(outDir: string): NamedReporter {
  const path = join(outDir, 'summary.json');
  const progress = new RunProgress();
  const queue = serially();
  const write = (): Promise<void> =>
    queue(async () => {
      const run = progress.snapshot();
      if (run) await writeFileAtomic(path, `${JSON.stringify(summarizeRun(run, 'running'), null, 2)}\n`);
    });
  return {
    name: 'summary',
    async onRunBegin(info, planned) {
      progress.begin(info, planned);
      await write();
    },
    async onCaseEnd(result) {
      progress.end(result);
      await write();
    },
    async onRunEnd(run) {
      return [await queue(() => writeFileAtomic(path, `${JSON.stringify(summarizeRun(run), null, 2)}\n`))];
    },
  };
}
