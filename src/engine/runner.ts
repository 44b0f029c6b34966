/** The run loop: opens lanes, runs each selected case through precondition, Before state, body and clean-up, and turns every ending into a verdict. */
import { setMaxListeners } from 'node:events';
import type { CsmsActor } from '../actors/csms-actor';
import { CaseEndedError, type HarnessPeer } from '../actors/peer';
import type { ProtocolViolation } from '../ocpp/connection';
import type { StationActor } from '../actors/station-actor';
import { isCsmsAction, type DriverAction } from '../drivers/actions';
import { Check } from './check';
import type { RunConfig } from './config';
import { openLane, type Lane, type LaneSpec } from './lane';
import { referenceLaneCount } from './lanes';
import { CaseRecorder, frameRecord } from './recorder';
import { byCaseId } from '../report/common';
import { referenceVariantFor } from '../reference/variants';
import type { CaseResult, FrameRecord, Reporter, RunInfo, RunResult, StepRecord, Verdict } from './results';
import type { CaseContextBase, ConfigurationSetting, CsCaseContext, CsmsCaseContext, TestCase } from './testcase';
import { inconclusive, VerdictError } from './verdict';

/** Everything a run needs. */
export interface RunPlan extends Omit<LaneSpec, 'sut'> {
  readonly info: RunInfo;
  readonly cases: readonly TestCase[];
  /** Cases decided without running (notApplicable or notImplemented by the profile selection): reported first, listed with the others. */
  readonly notRun?: readonly CaseResult[];
  readonly reporter: Reporter;
  /**
   * Aborting interrupts the run at once (SIGINT, SIGTERM, SIGHUP): each case in progress ends `inconclusive` with the
   * reason "interrupted", every case not begun is `notRun`, and the result is marked `interrupted`. The abort reason
   * (e.g. 'SIGTERM') is named in the reasons.
   */
  readonly signal?: AbortSignal;
  /** Aborting stops the run after the cases in progress (the UI's Stop): the cases not begun are `notRun`. */
  readonly stopAfterCase?: AbortSignal;
}

/** Runs the plan and returns its result; reporters have had `onRunEnd` when it resolves. */
export async function runCases(plan: RunPlan): Promise<RunResult> {
  const started = Date.now();
  // Every lane's case listens for the run's abort: up to 16 lanes, each with a few listeners, is no leak.
  for (const signal of [plan.signal, plan.stopAfterCase]) if (signal) setMaxListeners(64, signal);
  await plan.reporter.onRunBegin?.(plan.info, plan.cases.map((c) => c.info));
  for (const decided of plan.notRun ?? []) {
    await plan.reporter.onCaseBegin?.(decided.info);
    await plan.reporter.onCaseEnd?.(decided);
  }
  const results: CaseResult[] = new Array(plan.cases.length);
  const tap = new CaseTap(plan.reporter);
  const stopped = () => plan.signal?.aborted === true || plan.stopAfterCase?.aborted === true;
  const laneCount = plan.target.kind === 'reference' ? referenceLaneCount(plan.cases.length, plan.config.lanes) : 1;
  let next = 0;
  let cut = false;
  const work = async (): Promise<void> => {
    let lane: Lane | undefined;
    try {
      while (next < plan.cases.length && !stopped()) {
        const index = next++;
        const testCase = plan.cases[index];
        const varied = plan.target.kind === 'reference' ? referenceVariantFor(testCase, plan.config) : undefined;
        let running: Promise<CaseResult>;
        if (varied) running = executeInVariant({ ...plan, reporter: tap.reporter }, testCase, varied);
        else {
          lane ??= withRunEvidence(await openLane({ ...plan, sut: plan.info.sut }), plan.reporter);
          running = executeCase(testCase, lane, plan.config, tap.reporter, undefined, plan.signal);
        }
        const interrupted = await untilInterrupted(running, plan.signal);
        // Interrupted: the case ends itself (inconclusive, "interrupted", with its record) unless its clean-up hangs.
        const own = interrupted === undefined ? await running : await settledWithin(running, INTERRUPT_GRACE_MS);
        if (own) results[index] = own;
        else {
          cut = true;
          results[index] = tap.abandon(testCase.info, `interrupted (${interrupted}): the run was stopped while this case ran`);
          await plan.reporter.onCaseEnd?.(results[index]);
        }
      }
    } finally {
      // A lane whose case was cut short may not close cleanly: the run's evidence must not wait for it.
      if (lane) await (plan.signal?.aborted ? boundedBy(lane.close(), LANE_CLOSE_AFTER_INTERRUPT_MS) : lane.close());
    }
  };
  await Promise.all(Array.from({ length: laneCount }, work));
  const why = plan.signal?.aborted ? `the run was interrupted (${abortReason(plan.signal)})` : 'the run was stopped';
  const unrun = plan.cases.filter((_, i) => results[i] === undefined).map((c) => notRunResult(c.info, `not run: ${why} before this case began`));
  const cases = [...(plan.notRun ?? []), ...results.filter(Boolean), ...unrun].sort(byCaseId);
  const result: RunResult = { info: plan.info, cases, durationMs: Date.now() - started, ...(cut || unrun.length > 0 ? { interrupted: true } : {}) };
  await plan.reporter.onRunEnd?.(result);
  return result;
}

/** How long an interrupted case gets to end itself before it is abandoned with what it recorded so far. */
const INTERRUPT_GRACE_MS = 3_000;

/** What `work` resolves to, if it does within `ms`. */
async function settledWithin<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([work.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Longest wait for a lane to close once the run was interrupted. */
const LANE_CLOSE_AFTER_INTERRUPT_MS = 3_000;

/** What an abort was for, in words (the signal name the CLI aborts with, or 'aborted'). */
function abortReason(signal: AbortSignal): string {
  return typeof signal.reason === 'string' ? signal.reason : 'aborted';
}

/** Resolves undefined when `running` settles first, or the abort reason when `signal` aborts first. */
function untilInterrupted(running: Promise<unknown>, signal: AbortSignal | undefined): Promise<string | undefined> {
  if (!signal) return running.then(() => undefined);
  if (signal.aborted) return Promise.resolve(abortReason(signal));
  return new Promise((resolve) => {
    const onAbort = () => resolve(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    void running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(undefined);
    });
  });
}

/** `work`, or nothing once `ms` have passed. */
async function boundedBy(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** A case that did not run, as a result. */
function notRunResult(info: TestCase['info'], reason: string): CaseResult {
  return { info, verdict: 'notRun', reason, startedAt: new Date().toISOString(), durationMs: 0, steps: [], frames: [], connectionEvents: [], prompts: [] };
}

/**
 * Stands between the cases and the run's reporter: keeps what each running case has shown so far (frames, ended
 * steps, open steps), so a case cut short by an interrupt still has its evidence; a case abandoned that way reports
 * nothing more.
 */
class CaseTap {
  private readonly live = new Map<string, { readonly startedAt: Date; readonly frames: FrameRecord[]; readonly steps: StepRecord[]; readonly open: { title: string; startedAt: Date; steps: StepRecord[] }[] }>();
  private readonly abandoned = new Set<string>();
  /** Every hook of Reporter is listed (a hook added later fails to compile here until it is passed through). */
  readonly reporter: Reporter & Record<keyof Reporter, unknown>;

  constructor(target: Reporter) {
    const quiet = (id: string) => this.abandoned.has(id);
    this.reporter = {
      // Run-level hooks pass straight through (bound, so a reporter written as a class keeps its `this`).
      onRunBegin: target.onRunBegin?.bind(target),
      onRunEnd: target.onRunEnd?.bind(target),
      onRunFrame: target.onRunFrame?.bind(target),
      onRunConnectionEvent: target.onRunConnectionEvent?.bind(target),
      onCaseBegin: async (info) => {
        this.abandoned.delete(info.id);
        this.live.set(info.id, { startedAt: new Date(), frames: [], steps: [], open: [] });
        await target.onCaseBegin?.(info);
      },
      onStepBegin: async (caseId, title, depth) => {
        const live = this.live.get(caseId);
        if (live) {
          live.open.length = depth;
          live.open.push({ title, startedAt: new Date(), steps: [] });
        }
        if (!quiet(caseId)) await target.onStepBegin?.(caseId, title, depth);
      },
      onStepEnd: async (caseId, step, depth) => {
        const live = this.live.get(caseId);
        if (live) {
          live.open.length = Math.min(live.open.length, depth);
          (depth === 0 ? live.steps : (live.open[depth - 1]?.steps ?? live.steps)).push(step);
        }
        if (!quiet(caseId)) await target.onStepEnd?.(caseId, step, depth);
      },
      onFrame: (caseId, frame) => {
        this.live.get(caseId)?.frames.push(frame);
        if (!quiet(caseId)) return target.onFrame?.(caseId, frame);
      },
      onPrompt: async (caseId, prompt) => {
        if (!quiet(caseId)) await target.onPrompt?.(caseId, prompt);
      },
      onCaseEnd: async (result) => {
        this.live.delete(result.info.id);
        if (!quiet(result.info.id)) await target.onCaseEnd?.(result);
      },
    };
  }

  /** Ends a running case as `inconclusive` with `reason`, keeping what it recorded; whatever it reports later is dropped. */
  abandon(info: TestCase['info'], reason: string): CaseResult {
    this.abandoned.add(info.id);
    const live = this.live.get(info.id);
    this.live.delete(info.id);
    const now = Date.now();
    let cut: StepRecord | undefined;
    for (const open of [...(live?.open ?? [])].reverse()) {
      cut = { title: open.title, startedAt: open.startedAt.toISOString(), durationMs: now - open.startedAt.getTime(), status: 'broken', validations: [], steps: cut ? [...open.steps, cut] : open.steps, frameIds: [], error: reason };
    }
    const startedAt = live?.startedAt ?? new Date(now);
    return { info, verdict: 'inconclusive', reason, startedAt: startedAt.toISOString(), durationMs: now - startedAt.getTime(), steps: [...(live?.steps ?? []), ...(cut ? [cut] : [])], frames: live?.frames ?? [], connectionEvents: [], prompts: [] };
  }
}

/** Runs a case that needs a variant of the reference SUT in a lane of its own, opened with the variant's config; its reason names the variant. */
async function executeInVariant(plan: RunPlan, testCase: TestCase, varied: NonNullable<ReturnType<typeof referenceVariantFor>>): Promise<CaseResult> {
  const lane = withRunEvidence(await openLane({ ...plan, config: varied.config, sut: plan.info.sut }), plan.reporter);
  try {
    return await executeCase(testCase, lane, varied.config, plan.reporter, `against the reference variant: ${varied.variant.name}`, plan.signal);
  } finally {
    await lane.close();
  }
}

/** Frames and connection events (opened, closed, refused: half-open attempts) of the lane's peer while no case runs go to the reporter's run-level evidence. */
function withRunEvidence(lane: Lane, reporter: Reporter): Lane {
  const peer = (lane.csms ?? lane.station) as HarnessPeer;
  peer.runLevelEvidence = {
    frame: (connection, frame) => void reporter.onRunFrame?.(frameRecord(connection, frame)),
    connectionEvent: (connection, event, detail) => void reporter.onRunConnectionEvent?.({ at: new Date().toISOString(), connection, event, detail }),
  };
  return lane;
}

/** A clean-up registered with `defer`, run when the case ends. */
interface Deferred {
  readonly title: string;
  readonly cleanup: () => Promise<unknown> | unknown;
}

/**
 * Runs one case in an open lane. Never throws: every ending is a verdict. `setUp` says how the SUT was set up, when not
 * as usual (appended to the reason). Aborting `signal` stops the case in progress (inconclusive, "interrupted").
 * Whatever the case changed is undone when it ends, however it ends; problems of that clean-up are warnings.
 */
export async function executeCase(testCase: TestCase, lane: Lane, config: RunConfig, reporter: Reporter, setUp?: string, signal?: AbortSignal): Promise<CaseResult> {
  const recorder = new CaseRecorder(testCase.info, reporter);
  const startedAt = new Date();
  await reporter.onCaseBegin?.(testCase.info);
  const peer: HarnessPeer = (lane.csms ?? lane.station) as HarnessPeer;
  let verdict: Verdict = 'passed';
  let reason = 'every step and validation passed';
  const warnings: string[] = [];
  const notApplicableReason = testCase.applicable?.(config);
  if (notApplicableReason) {
    verdict = 'notApplicable';
    reason = notApplicableReason;
  } else {
    peer.attach(recorder);
    const deferred: Deferred[] = [];
    const context = buildContext(testCase, lane, config, recorder, deferred, warnings);
    let settled = false;
    const body = runWithSetup(testCase, context, lane, warnings).finally(() => {
      settled = true;
    });
    try {
      await bounded(body, config.timeouts.caseMs, signal);
    } catch (error) {
      ({ verdict, reason } = verdictOf(error));
    }
    if (!settled) {
      // Timed out or interrupted: the body's waits end now, and it gets a moment to run its own finally blocks.
      peer.endCase();
      await bounded(body, config.timeouts.messageMs).catch(() => undefined);
      if (!settled) warnings.push(`the case body was still running ${config.timeouts.messageMs} ms after the case ended`);
    }
    for (const { title, cleanup } of deferred.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        warnings.push(`clean-up "${title}" failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await lane.resetAfterCase?.();
    recorder.closeDangling(reason);
    for (const call of peer.forgottenCalls()) warnings.push(`the harness took ${call.action} (message ${call.messageId}) and did not answer it before the case ended: answered now with the default (a harness bug unless the case leaves it unanswered on purpose)`);
    ({ verdict, reason } = withViolations(verdict, reason, peer.detach()));
  }
  const result: CaseResult = {
    info: testCase.info,
    verdict,
    reason: setUp ? `${reason} (${setUp})` : reason,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    steps: recorder.steps,
    frames: recorder.frames,
    connectionEvents: recorder.connectionEvents,
    prompts: recorder.prompts,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  await reporter.onCaseEnd?.(result);
  return result;
}

/**
 * Every OCPP-J violation seen in the case is listed in the reason. A case that otherwise passed, or could not decide,
 * fails on them: the SUT broke the protocol.
 */
function withViolations(verdict: Verdict, reason: string, violations: readonly ProtocolViolation[]): { verdict: Verdict; reason: string } {
  const unseen = [...new Set(violations.map((v) => v.description))].filter((d) => !reason.includes(d));
  if (unseen.length === 0) return { verdict, reason };
  const listed = `the SUT broke OCPP-J: ${unseen.join('; ')}`;
  if (verdict === 'passed') return { verdict: 'failed', reason: listed };
  // A breach that made the connection close (a flood, an oversized frame) is the cause; the close is its consequence.
  if (verdict === 'inconclusive' || /closed the connection/.test(reason)) return { verdict: 'failed', reason: `${listed} (and then: ${reason})` };
  return { verdict, reason: `${reason}; also, ${listed}` };
}

function buildContext(testCase: TestCase, lane: Lane, config: RunConfig, recorder: CaseRecorder, deferred: Deferred[], warnings: string[]): CsCaseContext | CsmsCaseContext {
  const base: CaseContextBase = {
    step: (title, body) => recorder.step(title, body),
    check: new Check(recorder),
    config,
    perform: async (action: DriverAction) => {
      // A CSMS may store what it just answered a moment later: every CSMS action waits out timeouts.settleMs since the
      // last frame (cases that go through askCsms have waited already, and record it as their own step).
      const settle = lane.station && isCsmsAction(action) ? lane.station.settleRemainingMs(config.timeouts.settleMs) : 0;
      if (settle > 0) await recorder.step(`harness lets timeouts.settleMs pass since its last message before asking the CSMS side (${settle} ms left)`, () => new Promise<void>((resolve) => setTimeout(resolve, settle)));
      return lane.driver.perform(action, recorder);
    },
    defer: (title, cleanup) => void deferred.push({ title, cleanup }),
    warn: (message) => void warnings.push(message),
  };
  return testCase.sut === 'CS' ? { ...base, csms: lane.csms as CsmsActor } : { ...base, station: lane.station as StationActor };
}

async function runWithSetup(testCase: TestCase, context: CsCaseContext | CsmsCaseContext, lane: Lane, warnings: string[]): Promise<void> {
  if (testCase.precondition !== 'none') {
    await context.step('Precondition: the station is connected and accepted', async () => {
      try {
        // A station a case left Pending or Rejected is rebooted by the driver, not waited for.
        if (lane.csms) await lane.csms.ensureAccepted(() => context.perform({ kind: 'reboot' }));
        // The case begins on a quiet station: what it is still sending from its start-up or an earlier case is answered first.
        if (lane.csms) await lane.csms.untilQuiet(context.config.timeouts.quietMs, context.config.timeouts.connectMs);
        else await ensureStationAccepted(lane.station as StationActor);
      } catch (error) {
        // A message that breaks OCPP-J fails any case; anything else here means the case could not start.
        if (error instanceof VerdictError && error.code === 'OCPPCT_PROTOCOL_VIOLATION') throw error;
        throw inconclusive('OCPPCT_PRECONDITION', `precondition not met: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }
  const restore = lane.csms && testCase.configuration?.length ? await applyConfiguration(context as CsCaseContext, testCase.configuration) : undefined;
  try {
    await (testCase.run as (c: typeof context) => Promise<void>)(context);
  } finally {
    // Clean-up, not a Part 6 step: a problem here is a warning, never the verdict.
    if (restore) await restore().catch((error: unknown) => warnings.push(`restoring the Before configuration failed: ${error instanceof Error ? error.message : String(error)}`));
  }
}

async function ensureStationAccepted(station: StationActor): Promise<void> {
  if (station.isAccepted) return;
  await station.connect();
  const response = await station.boot('PowerUp');
  if (response.status !== 'Accepted') throw new Error(`the CSMS answered the BootNotification with ${response.status}`);
  // As a real station does once accepted (B01.FR.05): every connector's status.
  if (station.simulated && station.connection) await station.simulated.reportConnectors(station.connection);
}

/** GetVariables statuses that say the station does not have a variable. */
const NOT_IMPLEMENTED = new Set(['UnknownComponent', 'UnknownVariable', 'NotSupportedAttributeType']);

/** Whether a GetVariables / SetVariables result is about `setting`'s component and variable. */
function isAbout(result: { component: ConfigurationSetting['component']; variable: ConfigurationSetting['variable'] }, setting: ConfigurationSetting): boolean {
  const { component, variable } = setting;
  return (
    result.component.name === component.name &&
    result.component.instance === component.instance &&
    result.component.evse?.id === component.evse?.id &&
    result.component.evse?.connectorId === component.evse?.connectorId &&
    result.variable.name === variable.name &&
    result.variable.instance === variable.instance
  );
}

/** Applies the case's Before configuration with SetVariables; returns how to put the old values back. */
async function applyConfiguration(context: CsCaseContext, configuration: readonly ConfigurationSetting[]): Promise<() => Promise<void>> {
  const { csms, step, config } = context;
  const keys = configuration.map(({ component, variable }) => ({ component, variable }));
  const before = await step('Before: read the configuration the case changes', () => csms.call('GetVariables', { getVariableData: keys }));
  const absent = configuration.filter((s) => s.ifImplemented && before.getVariableResult.some((r) => isAbout(r, s) && NOT_IMPLEMENTED.has(r.attributeStatus)));
  for (const s of absent) {
    await step(`Before: ${s.component.name}.${s.variable.name}${s.variable.instance ? `[${s.variable.instance}]` : ''} is not implemented by the station: left out (Part 6: if implemented)`, () => undefined);
  }
  const valueOf = (s: ConfigurationSetting) => (typeof s.value === 'function' ? s.value(config) : s.value);
  // An optional setting that already holds its value needs no SetVariables (so a ReadOnly one that is right passes).
  const holds = (s: ConfigurationSetting) => s.ifImplemented === true && before.getVariableResult.some((r) => isAbout(r, s) && r.attributeStatus === 'Accepted' && r.attributeValue === valueOf(s));
  const settings = configuration.filter((s) => !absent.includes(s) && !holds(s));
  if (settings.length === 0) return async () => undefined;
  const restore = async () => {
    const previous = before.getVariableResult.filter((r) => r.attributeStatus === 'Accepted' && r.attributeValue !== undefined);
    if (previous.length === 0 || !csms.connection) return;
    await step('Afterwards: restore the configuration the case changed', () =>
      csms.call('SetVariables', { setVariableData: previous.map((r) => ({ component: r.component, variable: r.variable, attributeValue: r.attributeValue as string })) }),
    );
  };
  const set = await step('Before: set the configuration state of the case', () =>
    csms.call('SetVariables', {
      setVariableData: settings.map((s) => ({ component: s.component, variable: s.variable, attributeValue: valueOf(s) })),
    }),
  );
  const refused = set.setVariableResult.filter((r) => r.attributeStatus !== 'Accepted');
  if (refused.length > 0) {
    await restore(); // put back whatever the station did accept before giving up
    throw inconclusive('OCPPCT_PRECONDITION', `the station refused the Before configuration: ${refused.map((r) => `${r.component.name}.${r.variable.name} ${r.attributeStatus}`).join(', ')}`);
  }
  return restore;
}

/** `work`, bounded by `ms` (inconclusive when it takes longer) and by `signal` (inconclusive, "interrupted"). */
function bounded<T>(work: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(inconclusive('OCPPCT_CASE_TIMEOUT', `the case did not finish within ${ms} ms`)), ms);
    onAbort = () => reject(inconclusive('OCPPCT_INTERRUPTED', 'interrupted'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, limit]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}

function verdictOf(error: unknown): { verdict: Verdict; reason: string } {
  if (error instanceof VerdictError) return { verdict: error.verdict, reason: error.message };
  if (error instanceof CaseEndedError) return { verdict: 'inconclusive', reason: error.message };
  const message = error instanceof Error ? `${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 4).join('\n')}` : ''}` : String(error);
  return { verdict: 'error', reason: `harness error: ${message}` };
}
