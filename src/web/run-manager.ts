// Starts runs for the web UI in this process, one at a time, and keeps each run's live log and operator desk while the UI is up.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timestamp } from '../cli/common';
import { prepareRun, type PreparedRun } from '../cli/run';
import { OperatorDesk, type OperatorAnswer } from '../drivers/web';
import { DEFAULT_CONFIG, type RunConfig, type RunConfigFile } from '../engine/config';
import type { RunResult } from '../engine/results';
import { HttpError } from './http-error';
import { LiveLog } from './live';
import { reportLinks, type RunListing } from './reports';
import type { StartRequest } from './requests';

/**
 * Demo / training mode (`operatorActions: 'web'`): the reference SUT's actions wait for a person, so the run gets
 * the operator time of a real SUT, one lane (one prompt at a time) and a case time that leaves room for the answer.
 */
const OPERATOR_DEMO: RunConfigFile = {
  timeouts: { operatorMs: DEFAULT_CONFIG.timeouts.operatorMs, caseMs: DEFAULT_CONFIG.timeouts.caseMs },
  lanes: 1,
};

/** How many finished runs keep their live log (for pages opened after the end). */
const KEPT_RUNS = 20;

/** A run started by this UI. */
export interface ManagedRun {
  readonly id: string;
  readonly log: LiveLog;
  readonly desk: OperatorDesk;
  /** Settles once the reports are written (or the run failed); never rejects. */
  readonly done: Promise<void>;
  /** The run as the runs list shows it, while it is going or after it ended here. */
  listing(): RunListing;
}

/** The runs this UI starts; at most one goes on at a time. */
export class RunManager {
  private readonly runs = new Map<string, ManagedRun & { stop(): void; interrupt(reason: string): void }>();

  constructor(private readonly reportsDir: string) {}

  /** The runs started by this UI, newest first. */
  list(): readonly ManagedRun[] {
    return [...this.runs.values()].reverse();
  }

  /** A run started by this UI. */
  get(id: string): ManagedRun | undefined {
    return this.runs.get(id);
  }

  /** Checks the request (UsageError / ConfigError / HttpError say why not), starts the run and returns its id. */
  start(request: StartRequest): string {
    const busy = [...this.runs.values()].find((r) => !r.log.ended);
    if (busy) throw new HttpError(409, `run ${busy.id} is still going: wait for it to end or stop it first`);
    const id = this.freshId(request.sut);
    const out = join(this.reportsDir, id);
    const log = new LiveLog();
    const desk = new OperatorDesk((event) => log.emit(event));
    const prepared = this.prepare(request, id, out, log);
    const timeoutMs = prepared.config.timeouts.operatorMs;
    const abort = new AbortController();
    const interrupt = new AbortController();
    if (prepared.target.kind === 'listen') log.emit({ type: 'note', text: `Waiting for the station to connect to ${listenUrl(prepared.config)}` });
    const startedAt = new Date().toISOString();
    let state: RunListing['state'] = 'running';
    let counts: Record<string, number> = {};
    const done = prepared
      .run({
        driver: prepared.target.kind === 'reference' ? undefined : desk.driver({ timeoutMs }),
        wrapReferenceDriver: request.operatorActions === 'web' ? (automatic) => desk.driver({ timeoutMs, then: automatic }) : undefined,
        stopAfterCase: abort.signal,
        signal: interrupt.signal,
      })
      .then(
        async (result) => {
          counts = countVerdicts(result);
          state = result.interrupted ? 'interrupted' : 'finished';
          log.emit({ type: 'finished', durationMs: result.durationMs, counts, reports: await reportLinks(this.reportsDir, id) });
        },
        (error: unknown) => {
          state = 'failed';
          log.emit({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
        },
      );
    this.runs.set(id, {
      id,
      log,
      desk,
      done,
      listing: () => ({ id, sut: prepared.sut, target: request.target, fault: request.fault, profiles: request.profile?.split(',').map((p) => p.trim()) ?? [], startedAt, counts, state }),
      interrupt: (reason: string) => interrupt.abort(reason),
      stop: () => {
        abort.abort();
        desk.abandonAll('the run was stopped while waiting for the operator');
      },
    });
    this.forgetOld();
    return id;
  }

  /** Answers an open prompt of run `id`; a 404 / 409 says why not. */
  answer(id: string, promptId: string, answer: OperatorAnswer, answeredBy: string): void {
    const run = this.runs.get(id);
    if (!run) throw new HttpError(404, `no run ${id} was started by this UI`);
    if (!run.desk.answer(promptId, answer, answeredBy)) throw new HttpError(409, 'that prompt is not open any more (answered, timed out, or the run ended)');
  }

  /** Stops run `id` after its current case; open prompts end unanswered. */
  stop(id: string): void {
    const run = this.runs.get(id);
    if (!run) throw new HttpError(404, `no run ${id} was started by this UI`);
    if (run.log.ended) throw new HttpError(409, `run ${id} has already ended`);
    run.stop();
  }

  /** Interrupts every run still going (its case in progress ends inconclusive, the rest notRun) and waits (at most `graceMs`) for its reports. */
  async close(graceMs = 10_000): Promise<void> {
    const going = [...this.runs.values()].filter((r) => !r.log.ended);
    going.forEach((r) => {
      r.interrupt('the UI was stopped');
      r.stop();
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(going.map((r) => r.done)), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }

  /** Sets the run up; an uploaded PICS is kept in the run's folder (where the certification report expects the PICS used). */
  private prepare(request: StartRequest, id: string, out: string, log: LiveLog): PreparedRun {
    const picsFile = request.pics && join(out, 'pics.json');
    if (picsFile) {
      mkdirSync(out, { recursive: true });
      writeFileSync(picsFile, `${JSON.stringify(request.pics, null, 2)}\n`);
    }
    try {
      return prepareRun(
        { sut: request.sut, target: request.target, cases: request.cases, profile: request.profile, pics: picsFile, fault: request.fault, port: request.port, out, html: request.html, driver: 'prompt' },
        { runId: id, reporters: [log.reporter()], console: false, configLayers: [...(request.operatorActions === 'web' ? [OPERATOR_DEMO] : []), ...(request.config ? [request.config] : [])] },
      );
    } catch (error) {
      rmSync(out, { recursive: true, force: true });
      throw error;
    }
  }

  private freshId(sut: string): string {
    const base = `${timestamp()}-${sut}`;
    let id = base;
    for (let n = 2; existsSync(join(this.reportsDir, id)); n++) id = `${base}-${n}`;
    return id;
  }

  private forgetOld(): void {
    const ended = [...this.runs.values()].filter((r) => r.log.ended);
    for (const run of ended.slice(0, Math.max(0, ended.length - KEPT_RUNS))) this.runs.delete(run.id);
  }
}

/** Verdict counts of a run; any verdict string counts, so a verdict added later shows up too. */
function countVerdicts(result: RunResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of result.cases) counts[c.verdict] = (counts[c.verdict] ?? 0) + 1;
  return counts;
}

function listenUrl(config: RunConfig): string {
  return `ws://${config.csms.host}:${config.csms.port}${config.csms.path}/${config.station.id}`;
}
