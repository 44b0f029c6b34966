/** `run --resume` and `run --rerun-failed`: a run folder remembers how it was started, so its unfinished (or failed) cases can be run again. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCases } from '../engine/catalog';
import type { RunConfigFile } from '../engine/config';
import type { CaseInfo, CaseResult, Verdict } from '../engine/results';
import type { RunSummary } from '../report';
import { UsageError } from './common';

/** The file in a run folder that records how the run was started. */
export const INVOCATION_FILE = 'run.json';

/** How a run was started: the options of `ocpp-ct run` (paths made absolute) and the config layers of a web UI run. */
export interface RunInvocation {
  readonly sut: 'cs' | 'csms';
  readonly target: string;
  readonly cases?: string;
  readonly config?: string;
  readonly profile?: string;
  readonly pics?: string;
  readonly fault?: string;
  readonly port?: number;
  readonly driver: 'prompt' | 'http';
  readonly html: boolean;
  /** Config layers given programmatically (the web UI's uploaded config). */
  readonly configLayers?: readonly RunConfigFile[];
}

/** What a resumed or re-run run takes from its folder. */
export interface RunAgain {
  readonly invocation: RunInvocation;
  /** The id of the run resumed (a resumed run keeps it). */
  readonly runId: string;
  /** Only these case ids are run. */
  readonly only: ReadonlySet<string>;
  /** Results taken over as they are (`--resume`): every case of the folder that is not run again. */
  readonly carried: readonly CaseResult[];
}

/** Whether a case of an earlier run was never finished: not run, or cut short by an interrupt. */
export function unfinished(c: { readonly verdict: Verdict | string; readonly reason: string }): boolean {
  return c.verdict === 'notRun' || (c.verdict === 'inconclusive' && /^interrupted\b/.test(c.reason));
}

/** Whether `--rerun-failed` runs a case again: anything but passed and notApplicable. */
export function needsRerun(c: { readonly verdict: Verdict | string }): boolean {
  return c.verdict !== 'passed' && c.verdict !== 'notApplicable';
}

function readJson<T>(path: string, what: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${what}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); is it the folder of a run?`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as T;
  } catch (error) {
    throw new UsageError(`${what}: ${path} is not JSON: ${(error as Error).message}`);
  }
}

/** Reads a run folder for `--resume` (`mode` resume) or `--rerun-failed`; throws UsageError saying why it cannot be done. */
export function runAgainFrom(dir: string, mode: 'resume' | 'rerun-failed'): RunAgain {
  const folder = resolve(dir);
  const flag = `--${mode}`;
  const invocation = readJson<RunInvocation>(join(folder, INVOCATION_FILE), flag);
  const summary = readJson<RunSummary>(join(folder, 'summary.json'), flag);
  if (!Array.isArray(summary.cases) || (invocation.sut !== 'cs' && invocation.sut !== 'csms')) throw new UsageError(`${flag}: ${folder} does not hold a run ocpp-ct can read`);
  const pick = mode === 'resume' ? unfinished : needsRerun;
  const only = new Set(summary.cases.filter(pick).map((c) => c.id));
  if (only.size === 0) throw new UsageError(mode === 'resume' ? `${flag}: every case of ${folder} has finished; nothing to resume` : `${flag}: every case of ${folder} passed or was not applicable; nothing to run again`);
  const infos = new Map(loadCases().map((c) => [c.info.id, c.info]));
  const carried =
    mode === 'resume'
      ? summary.cases
          .filter((c) => !only.has(c.id))
          .map((c): CaseResult => ({
            info: infos.get(c.id) ?? placeholderInfo(c.id, c.name, summary.sut),
            verdict: c.verdict,
            reason: c.reason,
            startedAt: c.startedAt ?? summary.startedAt,
            durationMs: c.durationMs,
            steps: [],
            frames: [],
            connectionEvents: [],
            prompts: [],
            resumed: true,
          }))
      : [];
  return { invocation, runId: summary.runId, only, carried };
}

/** Facts of a case no script defines any more (a notImplemented case of a profile): its id and name. */
function placeholderInfo(id: string, name: string, sut: CaseInfo['sut']): CaseInfo {
  return { id, name, sut, block: /^TC_([A-Z])_/.exec(id)?.[1] ?? '?', useCases: [], requirements: [], detects: [] };
}
