/** The run loop: opens lanes, runs each selected case through precondition, Before state, body and clean-up, and turns every ending into a verdict. */
import type { CsmsActor } from '../actors/csms-actor';
import type { HarnessPeer } from '../actors/peer';
import type { StationActor } from '../actors/station-actor';
import type { DriverAction } from '../drivers/actions';
import { Check } from './check';
import type { RunConfig } from './config';
import { openLane, type Lane, type LaneSpec } from './lane';
import { CaseRecorder } from './recorder';
import { referenceVariantFor } from '../reference/variants';
import type { CaseResult, Reporter, RunInfo, RunResult, Verdict } from './results';
import type { CaseContextBase, ConfigurationSetting, CsCaseContext, CsmsCaseContext, TestCase } from './testcase';
import { inconclusive, VerdictError } from './verdict';

/** Everything a run needs. */
export interface RunPlan extends Omit<LaneSpec, 'sut'> {
  readonly info: RunInfo;
  readonly cases: readonly TestCase[];
  /** Cases decided without running (notApplicable or notImplemented by the profile selection): reported first, listed with the others. */
  readonly notRun?: readonly CaseResult[];
  readonly reporter: Reporter;
  /** Aborting stops the run after the current cases; what ran so far is still reported. */
  readonly signal?: AbortSignal;
}

/** Runs the plan and returns its result; reporters have had `onRunEnd` when it resolves. */
export async function runCases(plan: RunPlan): Promise<RunResult> {
  const started = Date.now();
  await plan.reporter.onRunBegin?.(plan.info, plan.cases.map((c) => c.info));
  for (const decided of plan.notRun ?? []) {
    await plan.reporter.onCaseBegin?.(decided.info);
    await plan.reporter.onCaseEnd?.(decided);
  }
  const results: CaseResult[] = new Array(plan.cases.length);
  const laneCount = plan.target.kind === 'reference' ? Math.max(1, Math.min(plan.config.lanes, plan.cases.length)) : 1;
  let next = 0;
  const work = async (): Promise<void> => {
    let lane: Lane | undefined;
    try {
      while (next < plan.cases.length && !plan.signal?.aborted) {
        const index = next++;
        const varied = plan.target.kind === 'reference' ? referenceVariantFor(plan.cases[index], plan.config) : undefined;
        if (varied) {
          results[index] = await executeInVariant(plan, plan.cases[index], varied);
          continue;
        }
        lane ??= await openLane({ ...plan, sut: plan.info.sut });
        results[index] = await executeCase(plan.cases[index], lane, plan.config, plan.reporter);
      }
    } finally {
      await lane?.close();
    }
  };
  await Promise.all(Array.from({ length: laneCount }, work));
  const cases = [...(plan.notRun ?? []), ...results.filter(Boolean)].sort((a, b) => a.info.id.localeCompare(b.info.id, 'en', { numeric: true }));
  const result: RunResult = { info: plan.info, cases, durationMs: Date.now() - started };
  await plan.reporter.onRunEnd?.(result);
  return result;
}

/** Runs a case that needs a variant of the reference SUT in a lane of its own, opened with the variant's config; its reason names the variant. */
async function executeInVariant(plan: RunPlan, testCase: TestCase, varied: NonNullable<ReturnType<typeof referenceVariantFor>>): Promise<CaseResult> {
  const lane = await openLane({ ...plan, config: varied.config, sut: plan.info.sut });
  try {
    return await executeCase(testCase, lane, varied.config, plan.reporter, `against the reference variant: ${varied.variant.name}`);
  } finally {
    await lane.close();
  }
}

/** Runs one case in an open lane. Never throws: every ending is a verdict. `setUp` says how the SUT was set up, when not as usual (appended to the reason). */
export async function executeCase(testCase: TestCase, lane: Lane, config: RunConfig, reporter: Reporter, setUp?: string): Promise<CaseResult> {
  const recorder = new CaseRecorder(testCase.info, reporter);
  const startedAt = new Date();
  await reporter.onCaseBegin?.(testCase.info);
  const peer: HarnessPeer = (lane.csms ?? lane.station) as HarnessPeer;
  let verdict: Verdict = 'passed';
  let reason = 'every step and validation passed';
  const notApplicableReason = testCase.applicable?.(config);
  if (notApplicableReason) {
    verdict = 'notApplicable';
    reason = notApplicableReason;
  } else {
    peer.attach(recorder);
    const context = buildContext(testCase, lane, config, recorder);
    try {
      await withTimeout(runWithSetup(testCase, context, lane), config.timeouts.caseMs);
    } catch (error) {
      ({ verdict, reason } = verdictOf(error));
    }
    recorder.closeDangling(reason);
    const violations = peer.detach();
    if (verdict === 'passed' && violations.length > 0) {
      verdict = 'failed';
      reason = `the SUT broke OCPP-J: ${violations[0].description}`;
    }
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
  };
  await reporter.onCaseEnd?.(result);
  return result;
}

function buildContext(testCase: TestCase, lane: Lane, config: RunConfig, recorder: CaseRecorder): CsCaseContext | CsmsCaseContext {
  const base: CaseContextBase = {
    step: (title, body) => recorder.step(title, body),
    check: new Check(recorder),
    config,
    perform: (action: DriverAction) => lane.driver.perform(action, recorder),
  };
  return testCase.sut === 'CS' ? { ...base, csms: lane.csms as CsmsActor } : { ...base, station: lane.station as StationActor };
}

async function runWithSetup(testCase: TestCase, context: CsCaseContext | CsmsCaseContext, lane: Lane): Promise<void> {
  if (testCase.precondition !== 'none') {
    await context.step('Precondition: the station is connected and accepted', async () => {
      try {
        if (lane.csms) await lane.csms.ensureAccepted();
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
    if (restore) await restore();
  }
}

async function ensureStationAccepted(station: StationActor): Promise<void> {
  if (station.isAccepted) return;
  await station.connect();
  const response = await station.boot('PowerUp');
  if (response.status !== 'Accepted') throw new Error(`the CSMS answered the BootNotification with ${response.status}`);
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

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(inconclusive('OCPPCT_CASE_TIMEOUT', `the case did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function verdictOf(error: unknown): { verdict: Verdict; reason: string } {
  if (error instanceof VerdictError) return { verdict: error.verdict, reason: error.message };
  const message = error instanceof Error ? `${error.message}${error.stack ? `\n${error.stack.split('\n').slice(1, 4).join('\n')}` : ''}` : String(error);
  return { verdict: 'error', reason: `harness error: ${message}` };
}
