// Starts runs for the web UI in this process, one at a time, and keeps each run's live log and operator desk while the UI is up.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { timestamp, UsageError } from '../cli/common';
import { INVOCATION_FILE, type RunAgain, runAgainFrom } from '../cli/resume';
import { prepareRun, type PreparedRun, type PrepareHooks, type RunOptions } from '../cli/run';
import type { Driver } from '../drivers/driver';
import { httpDriver } from '../drivers/http';
import { OperatorDesk, type OperatorAnswer } from '../drivers/web';
import { DEFAULT_CONFIG, type RunConfig, type RunConfigFile } from '../engine/config';
import type { RunResult } from '../engine/results';
import { readJsonObject, sutIdentity, type IdentitySource, type SutIdentity } from '../report/run-history';
import { HttpError } from './http-error';
import { LiveLog } from './live';
import { refuseLinks, reportLinks, RERUN_OF_FILE, type RunListing } from './reports';
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
  /** The run whose failed cases this run runs again, if it is a re-run. */
  readonly rerunOf?: string;
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
    this.refuseWhileBusy();
    const id = this.freshId(request.sut);
    const out = join(this.reportsDir, id);
    const log = new LiveLog();
    const prepared = this.prepare(request, id, out, log);
    const identity = sutIdentity({ sut: prepared.sut, target: request.target, fault: request.fault, pics: request.pics });
    return this.launch(id, log, prepared, { target: request.target, fault: request.fault, profiles: request.profile?.split(',').map((p) => p.trim()) ?? [], identity, demo: request.operatorActions === 'web' });
  }

  /**
   * Runs again, into a new run, every case of run `id` that did not pass and was not applicable, with the options it
   * was started with (as `ocpp-ct run --rerun-failed` does); 404 when the run is not in the reports folder (or is
   * reached through a link), 400 when it cannot be run again (nothing failed, no run.json).
   */
  async rerunFailed(id: string): Promise<{ id: string; cases: readonly string[] }> {
    this.refuseWhileBusy();
    const segments = id.split('/');
    await refuseLinks(this.reportsDir, [...segments, INVOCATION_FILE]);
    await refuseLinks(this.reportsDir, [...segments, 'summary.json']);
    const folder = join(this.reportsDir, ...segments);
    if (!existsSync(join(folder, 'summary.json'))) throw new HttpError(404, `no run ${id} in the reports folder`);
    let again: RunAgain;
    try {
      again = runAgainFrom(folder, 'rerun-failed');
    } catch (error) {
      throw new HttpError(400, (error instanceof Error ? error.message : String(error)).split(folder).join(id));
    }
    const { configLayers, ...invocation } = again.invocation;
    const pics = invocation.pics ? await readPicsQuietly(invocation.pics) : undefined;
    // From here to launch nothing awaits, so two clicks cannot start two runs.
    this.refuseWhileBusy();
    const newId = this.freshId(invocation.sut);
    const out = join(this.reportsDir, newId);
    const log = new LiveLog();
    const prepared = this.prepareOptions({ ...invocation, out }, { runId: newId, reporters: [log.reporter()], console: false, configLayers, again: { only: again.only, carried: [] } }, out);
    writeFileSync(join(out, RERUN_OF_FILE), `${JSON.stringify({ runId: id, cases: [...again.only] }, null, 2)}\n`);
    const identity = sutIdentity({ sut: prepared.sut, target: invocation.target, fault: invocation.fault, pics });
    // A demo-mode run recorded its demo config layer: its re-run asks for the reference SUT's actions in the browser again.
    const demo = (configLayers ?? []).some((layer) => JSON.stringify(layer) === JSON.stringify(OPERATOR_DEMO));
    log.emit({ type: 'note', text: `Re-running the ${again.only.size} case(s) of run ${id} that did not pass: ${[...again.only].join(', ')}` });
    this.launch(newId, log, prepared, { target: invocation.target, fault: invocation.fault, profiles: invocation.profile?.split(',').map((p) => p.trim()) ?? [], identity, demo, http: invocation.driver === 'http', rerunOf: id });
    return { id: newId, cases: [...again.only] };
  }

  /** Starts a prepared run and keeps its log, desk and listing. */
  private launch(id: string, log: LiveLog, prepared: PreparedRun, meta: { target: string; fault?: string; profiles: string[]; identity: SutIdentity; demo: boolean; http?: boolean; rerunOf?: string }): string {
    const desk = new OperatorDesk((event) => log.emit(event));
    const timeoutMs = prepared.config.timeouts.operatorMs;
    const abort = new AbortController();
    const interrupt = new AbortController();
    if (prepared.target.kind === 'listen') log.emit({ type: 'note', text: `Waiting for the station to connect to ${listenUrl(prepared.config)}` });
    const startedAt = new Date().toISOString();
    let state: RunListing['state'] = 'running';
    let counts: Record<string, number> = {};
    let real: Driver | undefined;
    try {
      real = prepared.target.kind === 'reference' ? undefined : meta.http ? httpDriverFor(prepared.config) : desk.driver({ timeoutMs });
    } catch (error) {
      prepared.discard();
      throw error;
    }
    const done = prepared
      .run({
        driver: real,
        wrapReferenceDriver: meta.demo ? (automatic) => desk.driver({ timeoutMs, then: automatic }) : undefined,
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
      rerunOf: meta.rerunOf,
      listing: () => ({ id, sut: prepared.sut, target: meta.target, fault: meta.fault, profiles: meta.profiles, startedAt, counts, state, identity: meta.identity }),
      interrupt: (reason: string) => interrupt.abort(reason),
      stop: () => {
        abort.abort();
        desk.abandonAll('the run was stopped while waiting for the operator');
      },
    });
    this.forgetOld();
    return id;
  }

  private refuseWhileBusy(): void {
    const busy = [...this.runs.values()].find((r) => !r.log.ended);
    if (busy) throw new HttpError(409, `run ${busy.id} is still going: wait for it to end or stop it first`);
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
    return this.prepareOptions(
      { sut: request.sut, target: request.target, cases: request.cases, profile: request.profile, pics: picsFile, fault: request.fault, port: request.port, out, html: request.html, driver: 'prompt' },
      { runId: id, reporters: [log.reporter()], console: false, configLayers: [...(request.operatorActions === 'web' ? [OPERATOR_DEMO] : []), ...(request.config ? [request.config] : [])] },
      out,
    );
  }

  /** prepareRun, leaving nothing behind when the run cannot be set up. */
  private prepareOptions(options: RunOptions, hooks: PrepareHooks, out: string): PreparedRun {
    try {
      return prepareRun(options, hooks);
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

/** The webhook driver of a run started with `--driver http`, from the config's drivers.http. */
function httpDriverFor(config: RunConfig): Driver {
  const { url, timeoutMs } = config.drivers.http;
  if (!url) throw new UsageError('that run used --driver http, but its config has no drivers.http.url');
  return httpDriver({ url, timeoutMs });
}

/** A PICS file's content for the SUT identity; undefined when it cannot be read. */
async function readPicsQuietly(path: string): Promise<IdentitySource['pics']> {
  return (await readJsonObject(path)) as IdentitySource['pics'];
}
