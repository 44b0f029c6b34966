/** Variable monitoring (N02-N08) as the harness plays the station: the CSMS asks, the harness answers, reports monitors and sends events. */
import type { ActionVariable, CsmsAction } from '../../../src/drivers/csms-actions';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppAction } from '../../../src/ocpp/generated';
import type { EventDataType, MonitorEnumType, MonitoringDataType } from '../../../src/ocpp/generated/definitions';
import { VerdictError } from '../../../src/engine/verdict';
import { askCsms, csmsSendsAfter } from './operator';
import { answerGetVariables } from './provisioning';

/** Part 6 names the station and EVSE components; the EVSE is <Configured evseId>. */
export const stationVariable = (variable: string): ActionVariable => ({ component: 'ChargingStation', variable });
export const evseVariable = (ctx: CsmsCaseContext, variable: string): ActionVariable => ({ component: 'EVSE', evseId: ctx.config.configured.evseId, variable });

/** Asks the CSMS side for `action` and answers the CALL it causes with `answer`; returns the CALL. */
export function csmsAsked<A extends OcppAction>(ctx: CsmsCaseContext, title: string, action: CsmsAction, message: A, answer: (call: IncomingCall<A>) => void): Promise<IncomingCall<A>> {
  return ctx.step(title, () => csmsSendsAfter(ctx, action, message, answer));
}

/**
 * Steps 1-2 of the N04 CSMS cases: asks the CSMS side for Delta monitors (severity 8) on `variables`, accepts every
 * monitor it sends, and checks one setMonitoringData per variable with value 1 (N04.FR.17), type Delta and severity 8.
 */
export async function deltaMonitorsAsked(ctx: CsmsCaseContext, variables: readonly ActionVariable[]): Promise<void> {
  const wanted = variables.map((v) => ({ ...v, type: 'Delta' as const, severity: 8 }));
  const call = await csmsAsked(ctx, '1-2. the CSMS sends SetVariableMonitoringRequest; harness accepts every monitor', { kind: 'setVariableMonitoring', stationId: ctx.config.station.id, monitors: wanted }, 'SetVariableMonitoring', (c) =>
    c.respond({ setMonitoringResult: c.payload.setMonitoringData.map((d, i) => ({ id: 100 + i, status: 'Accepted' as const, type: d.type, severity: d.severity, component: d.component, variable: d.variable })) as never }),
  );
  await ctx.step('Step 1: the monitors asked for', () => {
    const data = call.payload.setMonitoringData;
    ctx.check.equal('setMonitoringData count', data.length, wanted.length);
    for (const w of wanted) {
      const d = data.find((x) => x.component.name === w.component && x.component.evse?.id === w.evseId && x.variable.name === w.variable);
      const label = `setMonitoringData ${w.component}.${w.variable}`;
      ctx.check.that(label, d !== undefined, 'present', JSON.stringify(data));
      ctx.check.equal(`${label}.value`, d?.value, 1);
      ctx.check.equal(`${label}.type`, d?.type, 'Delta');
      ctx.check.equal(`${label}.severity`, d?.severity, 8);
    }
  });
}

/** Checks that a GetMonitoringReportRequest names exactly `variables` (in any order) or, for none, no componentVariable. */
export function checkReportVariables(ctx: CsmsCaseContext, call: IncomingCall<'GetMonitoringReport'>, variables: readonly ActionVariable[]): void {
  const sent = call.payload.componentVariable ?? [];
  if (variables.length === 0) return ctx.check.equal('GetMonitoringReportRequest.componentVariable', call.payload.componentVariable, undefined);
  ctx.check.equal('GetMonitoringReportRequest.componentVariable count', sent.length, variables.length);
  for (const v of variables) {
    const found = sent.find((s) => s.component.name === v.component && s.component.evse?.id === v.evseId && s.variable?.name === v.variable);
    ctx.check.that(`GetMonitoringReportRequest.componentVariable ${v.component}${v.evseId === undefined ? '' : ` (evse.id ${v.evseId})`}.${v.variable}`, found !== undefined, 'present', JSON.stringify(sent));
  }
}

/** The harness reports `monitors` for the request in NotifyMonitoringReportRequests, one component-variable per part (seqNo 0, 1, …); the CSMS must answer each. */
export function monitorsReported(ctx: CsmsCaseContext, title: string, requestId: number, monitors: readonly MonitoringDataType[]): Promise<void> {
  return ctx.step(title, async () => {
    const generatedAt = new Date().toISOString();
    for (const [seqNo, m] of monitors.entries()) await ctx.station.call('NotifyMonitoringReport', { requestId, seqNo, generatedAt, tbc: seqNo < monitors.length - 1, monitor: [m] });
  });
}

/** A reported monitor on an ActionVariable. */
export function monitorOn(v: ActionVariable, type: MonitorEnumType, id: number, value: number, severity = 5): MonitoringDataType {
  return { component: { name: v.component, ...(v.evseId === undefined ? {} : { evse: { id: v.evseId } }) }, variable: { name: v.variable }, variableMonitoring: [{ id, transaction: false, value, type, severity }] };
}

/** Post scenario "Check that the CSMS shows …": the CSMS side (operator, webhook or reference CSMS) confirms it shows the monitors. */
export function monitorsShown(ctx: CsmsCaseContext, title: string, monitors: readonly (ActionVariable & { type: MonitorEnumType })[]): Promise<void> {
  const expected = monitors.map((m) => `${m.component}${m.evseId === undefined ? '' : `[${m.evseId}]`}.${m.variable} ${m.type}`).join(', ');
  return ctx.step(title, async () => {
    try {
      await askCsms(ctx, { kind: 'confirmMonitorsShown', stationId: ctx.config.station.id, monitors });
    } catch (error) {
      if (!(error instanceof VerdictError && error.code === 'OCPPCT_OPERATOR' && /could not perform/.test(error.message))) throw error;
      ctx.check.that('the CSMS shows the monitors the harness reported', false, expected, 'the CSMS side says it does not show them');
    }
    ctx.check.that('the CSMS shows the monitors the harness reported', true, expected, 'confirmed by the CSMS side');
  });
}

/** The harness sends NotifyEventRequest with `events` (one per message, seqNo 0); the CSMS must answer each (N07.FR.03, N08.FR.02). */
export function eventsSent(ctx: CsmsCaseContext, title: string, events: readonly Omit<EventDataType, 'eventId' | 'timestamp'>[]): Promise<void> {
  return ctx.step(title, async () => {
    for (const [i, e] of events.entries()) {
      const timestamp = new Date().toISOString();
      const answer = await ctx.station.call('NotifyEvent', { generatedAt: timestamp, seqNo: 0, eventData: [{ ...e, eventId: 1000 + i, timestamp }] });
      ctx.check.equal(`NotifyEventResponse ${i + 1} fields`, Object.keys(answer).filter((k) => k !== 'customData'), []);
    }
  });
}

/**
 * Asks the CSMS side to clear monitors `ids` and takes part in the exchange that follows: a GetVariablesRequest for
 * MonitoringCtrlr.ItemsPerMessage[ClearVariableMonitoring] is answered with `limit`, every ClearVariableMonitoringRequest
 * with `status` for each id, until every id was named (or the CSMS sends nothing more within the message timeout).
 * Returns the ids of each ClearVariableMonitoringRequest, in order.
 */
export async function clearingAnswered(ctx: CsmsCaseContext, ids: readonly number[], limit: number, status: 'Accepted' | 'Rejected' | 'NotFound'): Promise<number[][]> {
  const { messageMs, operatorMs } = ctx.config.timeouts;
  const batches: number[][] = [];
  const performed = ctx.perform({ kind: 'clearVariableMonitoring', stationId: ctx.config.station.id, ids });
  performed.catch(() => undefined); // awaited below
  const named = () => new Set(batches.flat());
  let first = true;
  while (!ids.every((id) => named().has(id))) {
    const call = await ctx.station.expect(['GetVariables', 'ClearVariableMonitoring'], { timeoutMs: first ? operatorMs + messageMs : messageMs, description: 'ClearVariableMonitoringRequest' });
    first = false;
    if (call.action === 'GetVariables') {
      answerGetVariables(call as IncomingCall<'GetVariables'>, [{ component: 'MonitoringCtrlr', variable: 'ItemsPerMessage', instance: 'ClearVariableMonitoring', value: String(limit) }]);
      continue;
    }
    const clear = call as IncomingCall<'ClearVariableMonitoring'>;
    batches.push([...clear.payload.id]);
    clear.respond({ clearMonitoringResult: clear.payload.id.map((id) => ({ id, status })) as never });
  }
  await performed;
  return batches;
}
