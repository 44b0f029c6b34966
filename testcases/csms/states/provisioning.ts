/** Shapes the Block B CSMS cases share: a boot left Pending, reading and writing variables, reports, resets and network profiles. */
import { randomInt } from 'node:crypto';
import type { ActionVariable, ActionVariableValue } from '../../../src/drivers/csms-actions';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import { sutFailed, VerdictError } from '../../../src/engine/verdict';
import { CallErrorResponse, type IncomingCall } from '../../../src/ocpp/connection';
import type { OcppRequests, OcppResponses } from '../../../src/ocpp/generated';
import type { ComponentCriterionEnumType, GetVariableDataType, ReportBaseEnumType, ResetEnumType, ResetStatusEnumType } from '../../../src/ocpp/generated/definitions';
import { reportConnectorsAvailable } from './booted';
import { askCsms, csmsSendsAfter } from './operator';
import { sendEvCommunicationLost, sendTransactionEvent, transactionEventStep, type EvseConnector, type SimulatedTransaction } from './transaction';

const show = (v: ActionVariable): string => `${v.component}${v.evseId === undefined ? '' : `[${v.evseId}]`}.${v.variable}${v.instance === undefined ? '' : `[${v.instance}]`}`;

/** A value for OCPPCommCtrlr.OfflineThreshold that no earlier case will have left behind, so the CSMS can only show it by reading it now. */
export const freshSeconds = (): string => String(randomInt(600, 3600));

/** A step: the harness connects and boots (PowerUp); the CSMS, set up for it, must answer Pending or Rejected. */
export function bootNotAccepted(ctx: CsmsCaseContext, title: string): Promise<OcppResponses['BootNotification']> {
  const { step, station, check } = ctx;
  return step(title, async () => {
    await station.connect();
    const response = await station.boot('PowerUp');
    check.oneOf('BootNotificationResponse.status', response.status, ['Pending', 'Rejected']);
    return response;
  });
}

/** Sends a CALL the CSMS must refuse, and records whether its answer is CALLERROR `code`. */
export async function refusedWith<A extends 'StatusNotification' | 'NotifyEvent'>(ctx: CsmsCaseContext, action: A, payload: OcppRequests[A], code: string): Promise<void> {
  const connection = ctx.station.connection;
  if (!connection) throw sutFailed('OCPPCT_NOT_CONNECTED', `the CSMS is not connected (sending ${action})`);
  const label = `answer to ${action}Request`;
  try {
    await connection.call(action, payload);
    ctx.check.that(label, false, `CALLERROR ${code}`, 'a CALLRESULT');
  } catch (error) {
    if (!(error instanceof CallErrorResponse)) throw error;
    ctx.check.equal(`${label} (CALLERROR code)`, error.code, code);
  }
}

/**
 * Post scenario: asks the CSMS side (operator, webhook or reference CSMS) whether the CSMS shows `values` for the station.
 * An answer that it does not fails the check; no answer at all leaves the case inconclusive, as for any action.
 */
export function csmsShows(ctx: CsmsCaseContext, title: string, values: readonly ActionVariableValue[]): Promise<void> {
  return ctx.step(title, async () => {
    const expected = values.map((v) => `${show(v)} = "${v.value}"`).join(', ');
    try {
      await askCsms(ctx, { kind: 'confirmStationValues', stationId: ctx.config.station.id, values });
    } catch (error) {
      if (!(error instanceof VerdictError && error.code === 'OCPPCT_OPERATOR' && /could not perform/.test(error.message))) throw error;
      ctx.check.that('the CSMS shows the values it got from the harness', false, expected, 'the CSMS side says it does not show them');
    }
    ctx.check.that('the CSMS shows the values it got from the harness', true, expected, 'confirmed by the CSMS side');
  });
}

/** Whether a getVariableData entry asks for `v` (component and variable name, and the instance when `v` has one). */
export const isEntryFor = (d: GetVariableDataType, v: ActionVariable): boolean =>
  d.component.name === v.component && d.variable.name === v.variable && (v.instance === undefined || d.variable.instance === v.instance);

/** Answers a GetVariablesRequest as the harness station: Accepted with the value of `values` for the entries it has, UnknownVariable for the rest. */
export function answerGetVariables(call: IncomingCall<'GetVariables'>, values: readonly ActionVariableValue[]): void {
  call.respond({
    getVariableResult: call.payload.getVariableData.map((d) => {
      const known = values.find((v) => isEntryFor(d, v));
      return known
        ? { attributeStatus: 'Accepted' as const, attributeType: d.attributeType, component: d.component, variable: d.variable, attributeValue: known.value }
        : { attributeStatus: 'UnknownVariable' as const, attributeType: d.attributeType, component: d.component, variable: d.variable };
    }),
  });
}

/** Attribute types Part 6 allows in the GetVariablesRequest of B06 (absent stands for Actual). */
const READABLE_TYPES = [undefined, 'Actual', 'Target', 'MinSet', 'MaxSet'];

/**
 * Steps 1-2 of the GetVariables cases: the CSMS is asked to read `variables`, the harness answers each with the value of
 * `values`, and every variable must be in the request (any order).
 */
export async function variablesRead(ctx: CsmsCaseContext, title: string, values: readonly ActionVariableValue[]): Promise<void> {
  const { check, config } = ctx;
  await ctx.step(title, async () => {
    const variables = values.map(({ component, variable, evseId, instance }) => ({ component, variable, ...(evseId === undefined ? {} : { evseId }), ...(instance === undefined ? {} : { instance }) }));
    const call = await csmsSendsAfter(ctx, { kind: 'getVariables', stationId: config.station.id, variables }, 'GetVariables', (c) => answerGetVariables(c, values));
    for (const v of values) {
      const entry = call.payload.getVariableData.find((d) => isEntryFor(d, v));
      check.that(
        `getVariableData entry for ${show(v)}`,
        entry !== undefined && READABLE_TYPES.includes(entry.attributeType),
        `component.name "${v.component}", variable.name "${v.variable}", attributeType absent, Actual, Target, MinSet or MaxSet`,
        entry ? `attributeType ${entry.attributeType ?? '(omitted)'}` : 'no such entry',
      );
    }
  });
}

/** Steps 1-2 of the SetVariables cases: the CSMS is asked to set `values`; each must be in the request (any order) with its value and attributeType absent or Actual. */
export async function variablesSet(ctx: CsmsCaseContext, title: string, values: readonly ActionVariableValue[]): Promise<void> {
  const { check, config } = ctx;
  await ctx.step(title, async () => {
    const call = await csmsSendsAfter(ctx, { kind: 'setVariables', stationId: config.station.id, values }, 'SetVariables', (c) =>
      c.respond({ setVariableResult: c.payload.setVariableData.map((d) => ({ attributeStatus: 'Accepted' as const, attributeType: d.attributeType, component: d.component, variable: d.variable })) }),
    );
    for (const v of values) {
      const entry = call.payload.setVariableData.find((d) => d.component.name === v.component && d.variable.name === v.variable);
      check.that(
        `setVariableData entry for ${show(v)}`,
        entry !== undefined && entry.attributeValue === v.value && (entry.attributeType === undefined || entry.attributeType === 'Actual'),
        `attributeValue "${v.value}", attributeType absent or Actual`,
        entry ? `attributeValue "${entry.attributeValue}", attributeType ${entry.attributeType ?? '(omitted)'}` : 'no such entry',
      );
    }
  });
}

/** One part of a report the harness sends: a variable and its Actual value. */
function reportPart(requestId: number, seqNo: number, tbc: boolean, value: ActionVariableValue): OcppRequests['NotifyReport'] {
  return {
    requestId,
    generatedAt: new Date().toISOString(),
    seqNo,
    tbc,
    reportData: [
      {
        component: { name: value.component, ...(value.evseId === undefined ? {} : { evse: { id: value.evseId } }) },
        variable: { name: value.variable },
        variableAttribute: [{ type: 'Actual', value: value.value, mutability: 'ReadWrite' }],
      },
    ],
  };
}

/**
 * The GetBaseReport cases: the CSMS is asked for a `reportBase` report and must send it with a requestId >= 0; the harness
 * accepts and delivers the report in two NotifyReportRequests, which the CSMS must answer and then show.
 */
export async function baseReportRetrieved(ctx: CsmsCaseContext, reportBase: ReportBaseEnumType): Promise<void> {
  const { step, check, config, station } = ctx;
  const request = await step(`1-2. CSMS sends GetBaseReportRequest (${reportBase}), harness accepts it`, async () => {
    const call = await csmsSendsAfter(ctx, { kind: 'getBaseReport', stationId: config.station.id, reportBase }, 'GetBaseReport', (c) => c.respond({ status: 'Accepted' }));
    const { requestId } = call.payload;
    check.that('GetBaseReportRequest.requestId', Number.isInteger(requestId) && requestId >= 0, 'an integer >= 0', String(requestId));
    check.equal('GetBaseReportRequest.reportBase', call.payload.reportBase, reportBase);
    return call.payload;
  });
  const parts: ActionVariableValue[] = [
    { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: freshSeconds() },
    { component: 'SecurityCtrlr', variable: 'OrganizationName', value: `OCPPCT-${randomInt(1e6, 1e7)}` },
  ];
  await step('Post scenario: harness sends the report in two NotifyReportRequests (tbc true, then false), CSMS answers each', async () => {
    for (const [seqNo, part] of parts.entries()) {
      const label = `NotifyReportResponse to part seqNo ${seqNo} of requestId ${request.requestId}`;
      try {
        await station.call('NotifyReport', reportPart(request.requestId, seqNo, seqNo < parts.length - 1, part));
      } catch (error) {
        if (error instanceof VerdictError && error.verdict === 'failed') check.that(label, false, 'a NotifyReportResponse', error.message);
        throw error;
      }
      check.that(label, true, 'a NotifyReportResponse', 'a NotifyReportResponse');
    }
  });
  await csmsShows(ctx, `Post scenario: the CSMS shows the ${reportBase} report`, parts);
}

/** The component variable of TC_B_18_CSMS: AvailabilityState of EVSE #1. */
const EVSE_AVAILABILITY: ActionVariable = { component: 'EVSE', variable: 'AvailabilityState', evseId: 1 };

/** Steps of GetReport: the CSMS is asked for a report by `criterion`; the harness answers `status`; returns the request after checking it. */
export function customReportAsked(ctx: CsmsCaseContext, title: string, criterion: ComponentCriterionEnumType, status: 'Accepted' | 'EmptyResultSet'): Promise<OcppRequests['GetReport']> {
  const { check, config } = ctx;
  return ctx.step(title, async () => {
    const call = await csmsSendsAfter(ctx, { kind: 'getCustomReport', stationId: config.station.id, criterion, variable: EVSE_AVAILABILITY }, 'GetReport', (c) => c.respond({ status }));
    const request = call.payload;
    check.equal('GetReportRequest.componentCriteria', request.componentCriteria, [criterion]);
    const first = request.componentVariable?.[0];
    check.equal('GetReportRequest.componentVariable[0].component.name', first?.component.name, 'EVSE');
    check.equal('GetReportRequest.componentVariable[0].component.evse.id', first?.component.evse?.id, 1);
    check.equal('GetReportRequest.componentVariable[0].variable.name', first?.variable?.name, 'AvailabilityState');
    return request;
  });
}

/** The harness delivers the single-part report of EVSE #1 AvailabilityState for `requestId`; the CSMS must answer it. */
export function evseAvailabilityReported(ctx: CsmsCaseContext, title: string, requestId: number): Promise<unknown> {
  return ctx.step(title, () => ctx.station.call('NotifyReport', reportPart(requestId, 0, false, { ...EVSE_AVAILABILITY, value: 'Available' })));
}

/** What a reset case asks the CSMS for: the type and, for an EVSE reset, the EVSE. */
export interface ResetAsked {
  readonly type: ResetEnumType;
  readonly evseId?: number;
}

/** Steps 1-2 of the reset cases: the CSMS is asked for `asked`, the harness answers `status`; type and evseId (omitted for the whole station) are checked. */
export function resetRequested(ctx: CsmsCaseContext, asked: ResetAsked, status: ResetStatusEnumType, checkType = true): Promise<IncomingCall<'Reset'>> {
  const { check, config } = ctx;
  const what = asked.evseId === undefined ? 'the station' : `EVSE ${asked.evseId}`;
  return ctx.step(`1-2. CSMS sends ResetRequest (${asked.type}, ${what}), harness answers ${status}`, async () => {
    const call = await csmsSendsAfter(ctx, { kind: 'resetStation', stationId: config.station.id, ...asked }, 'Reset', (c) => c.respond({ status }));
    if (checkType) check.equal('ResetRequest.type', call.payload.type, asked.type);
    check.equal('ResetRequest.evseId', call.payload.evseId, asked.evseId);
    return call;
  });
}

/** Steps 3-6 after an OnIdle reset answered Scheduled: the driver stops the session (StopAuthorized, EVConnected), then unplugs, which ends the transaction. */
export async function endBeforeScheduledReset(ctx: CsmsCaseContext, tx: SimulatedTransaction): Promise<void> {
  await transactionEventStep(ctx, '3-4. harness sends TransactionEventRequest (Updated, StopAuthorized, EVConnected) with the idToken', tx, {
    eventType: 'Updated',
    triggerReason: 'StopAuthorized',
    chargingState: 'EVConnected',
    idToken: tx.idToken,
  });
  tx.phase = 'stopAuthorized';
  await sendEvCommunicationLost(ctx, '5-6. harness sends TransactionEventRequest (Ended, EVCommunicationLost, Idle, EVDisconnected)', tx);
}

/** Steps 3-4 after an Immediate reset: the transaction ends with ResetCommand / ImmediateReset while the EV stays plugged in, without idToken. */
export function endByImmediateReset(ctx: CsmsCaseContext, tx: SimulatedTransaction): Promise<unknown> {
  return ctx.step('3-4. harness sends TransactionEventRequest (Ended, ResetCommand, EVConnected, ImmediateReset)', () =>
    sendTransactionEvent(ctx, tx, { eventType: 'Ended', triggerReason: 'ResetCommand', chargingState: 'EVConnected', stoppedReason: 'ImmediateReset' }),
  );
}

/** A step after a reset the harness accepted: its station closes the connection and stays away `station.reconnectDelayMs`, as a restarting station does. */
export function goDownAfterReset(ctx: CsmsCaseContext): Promise<void> {
  return ctx.step(`harness restarts: it closes the connection and stays away station.reconnectDelayMs (${ctx.config.station.reconnectDelayMs} ms)`, () => ctx.station.goDownForRestart());
}

/**
 * The reboot after a station reset: the harness station goes down for `station.reconnectDelayMs` (how long a real station
 * takes to restart), then a new connection and a BootNotification with `reason` that the CSMS must accept, then every
 * connector reported (Occupied for `occupied`, where the EV is still plugged in).
 */
export async function rebootAfterReset(ctx: CsmsCaseContext, titles: readonly [string, string], reason: 'RemoteReset' | 'ScheduledReset', occupied?: EvseConnector): Promise<void> {
  const { step, station, check } = ctx;
  await goDownAfterReset(ctx);
  await step(titles[0], async () => {
    await station.connect();
    const response = await station.boot(reason);
    check.equal('BootNotificationResponse.status', response.status, 'Accepted');
  });
  await reportConnectorsAvailable(ctx, titles[1], occupied);
}

/**
 * Steps 1-2 of the SetNetworkProfile cases: the CSMS is asked for a profile in <Configured configurationSlot> with
 * <Configured securityProfile>; the harness answers `status`, and `validate` (the case's tool validations) judges the request.
 */
export function networkProfileSent(ctx: CsmsCaseContext, status: 'Accepted' | 'Failed', validate: (request: OcppRequests['SetNetworkProfile']) => void = () => undefined): Promise<void> {
  const { config } = ctx;
  const { securityProfile, configurationSlot } = config.security;
  return ctx.step(`1-2. CSMS sends SetNetworkProfileRequest, harness answers ${status}`, async () => {
    const call = await csmsSendsAfter(ctx, { kind: 'setNetworkProfile', stationId: config.station.id, securityProfile, configurationSlot }, 'SetNetworkProfile', (c) => c.respond({ status }));
    validate(call.payload);
  });
}

/** <Configured ocppCsmsUrl>: where the CSMS serves <Configured securityProfile> (the run's URL for that profile, else the URL the harness uses now). */
export async function configuredCsmsUrl(ctx: CsmsCaseContext): Promise<string> {
  const { station, config } = ctx;
  return (await station.options.security?.endpointUrl(config.security.securityProfile)) ?? station.connectionSettings.csmsUrl;
}
