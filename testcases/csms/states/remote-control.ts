/**
 * The remote-control and availability steps of the F and G CSMS cases: the CSMS asked (through the driver) to start a
 * transaction, unlock a connector, trigger a message or change availability; the harness's station answering it; the
 * remote start's TransactionEventRequest; and Reusable State Unavailable (Part 6 §3.18) with the connector reports.
 */
import type { CsmsAction } from '../../../src/drivers/actions';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppResponses } from '../../../src/ocpp/generated';
import type { ChargingStateEnumType, MessageTriggerEnumType, MeterValueType, TransactionEventEnumType } from '../../../src/ocpp/generated/definitions';
import { csmsSendsAfter } from './operator';
import { idTokenOf, type EvseConnector, type SimulatedTransaction } from './transaction';

/** What a ChangeAvailability or TriggerMessage case names: the whole station (nothing), an EVSE, or one connector. */
export interface CsmsTarget {
  readonly evseId?: number;
  readonly connectorId?: number;
}

/** The connectors of the configured layout a target covers. */
export function targetConnectors(ctx: CsmsCaseContext, target: CsmsTarget): EvseConnector[] {
  return ctx.config.station.evses
    .filter((e) => target.evseId === undefined || e.id === target.evseId)
    .flatMap((e) => e.connectors.filter((c) => target.connectorId === undefined || c === target.connectorId).map((connectorId) => ({ id: e.id, connectorId })));
}

/**
 * Manual action and steps 1-2 of the remote start cases: the CSMS is asked to start a transaction on the configured EVSE
 * for <Configured valid_idtoken>; its RequestStartTransactionRequest must carry that idToken. The harness answers Accepted,
 * with `transactionId` when one is already open. Returns the request.
 */
export async function remoteStartRequested(ctx: CsmsCaseContext, tx: SimulatedTransaction, transactionId?: string): Promise<IncomingCall<'RequestStartTransaction'>['payload']> {
  const { check, config } = ctx;
  const valid = config.configured.idTokens.valid;
  return ctx.step(`1-2. the CSMS, asked to start a transaction remotely, sends RequestStartTransactionRequest; harness accepts${transactionId ? ' with the open transactionId' : ''}`, async () => {
    const action: CsmsAction = { kind: 'remoteStartTransaction', stationId: config.station.id, evseId: tx.evse.id, idToken: idTokenOf(valid) };
    const call = await csmsSendsAfter(ctx, action, 'RequestStartTransaction', (c) => c.respond({ status: 'Accepted', ...(transactionId ? { transactionId } : {}) }));
    check.equal('RequestStartTransactionRequest.idToken.idToken', call.payload.idToken.idToken, valid.idToken);
    check.equal('RequestStartTransactionRequest.idToken.type', call.payload.idToken.type, valid.type);
    return call.payload;
  });
}

/** A step: the harness reports the remote start with a TransactionEventRequest (triggerReason RemoteStart, the CSMS's remoteStartId, the idToken). */
export async function remoteStartReported(ctx: CsmsCaseContext, title: string, tx: SimulatedTransaction, remoteStartId: number, eventType: TransactionEventEnumType, chargingState?: ChargingStateEnumType): Promise<OcppResponses['TransactionEvent']> {
  return ctx.step(title, async () => {
    const response = await ctx.station.call('TransactionEvent', {
      eventType,
      timestamp: new Date().toISOString(),
      triggerReason: 'RemoteStart',
      seqNo: tx.takeSeqNo(),
      transactionInfo: { transactionId: tx.transactionId, remoteStartId, ...(chargingState ? { chargingState } : {}) },
      idToken: tx.idToken,
      ...(eventType === 'Started' ? { evse: { id: tx.evse.id, connectorId: tx.evse.connectorId } } : {}),
    });
    tx.started = true;
    tx.authorized = true;
    return response;
  });
}

/**
 * Asks the CSMS side for `action` and waits for the CALL `message` it should send, answered with `answer`; returns the
 * request, for the case to validate. The step is numbered 1-2 as in every F/G case.
 */
export async function csmsRequests<A extends 'TriggerMessage' | 'UnlockConnector' | 'ChangeAvailability'>(
  ctx: CsmsCaseContext,
  title: string,
  action: CsmsAction,
  message: A,
  answer: OcppResponses[A],
): Promise<IncomingCall<A>['payload']> {
  return ctx.step(title, async () => (await csmsSendsAfter(ctx, action, message, (call) => call.respond(answer))).payload);
}

/** Manual action and steps 1-2 of a trigger case: the CSMS triggers `requestedMessage` (for `target`); the harness answers `status`; requestedMessage and (when named) evse.id are checked. */
export async function csmsTriggers(
  ctx: CsmsCaseContext,
  requestedMessage: MessageTriggerEnumType,
  target: CsmsTarget,
  status: OcppResponses['TriggerMessage']['status'] = 'Accepted',
): Promise<IncomingCall<'TriggerMessage'>['payload']> {
  const { check, config } = ctx;
  const where = target.evseId === undefined ? '' : ` for EVSE ${target.evseId}`;
  const request = await csmsRequests(ctx, `1-2. the CSMS, asked for a ${requestedMessage}${where}, sends TriggerMessageRequest; harness answers ${status}`, { kind: 'triggerMessage', stationId: config.station.id, requestedMessage, ...target }, 'TriggerMessage', { status });
  await ctx.step('Step 1: TriggerMessageRequest as Part 6 lists it', () => {
    check.equal('TriggerMessageRequest.requestedMessage', request.requestedMessage, requestedMessage);
    if (target.evseId !== undefined) check.equal('TriggerMessageRequest.evse.id', request.evse?.id, target.evseId);
  });
  return request;
}

/** The harness's station reports each of `connectors` with `status` (StatusNotificationRequest; the CSMS must answer each). */
export async function connectorsReportedTo(ctx: CsmsCaseContext, title: string, connectors: readonly EvseConnector[], status: 'Available' | 'Occupied' | 'Unavailable' | 'Reserved' | 'Faulted'): Promise<void> {
  await ctx.step(title, async () => {
    const timestamp = new Date().toISOString();
    for (const c of connectors) await ctx.station.call('StatusNotification', { timestamp, connectorStatus: status, evseId: c.id, connectorId: c.connectorId });
  });
}

/**
 * Manual action and steps 1-2 of a ChangeAvailability case: the CSMS is asked to set `target` to `operationalStatus`; its
 * request must say so, with evse.id for an EVSE or connector and evse.connectorId only for a connector (Part 6 "omit"
 * otherwise). The harness answers `status`.
 */
export async function availabilityChangedBy(ctx: CsmsCaseContext, target: CsmsTarget, operationalStatus: 'Operative' | 'Inoperative', status: 'Accepted' | 'Scheduled' = 'Accepted', first = 1): Promise<void> {
  const { check, config } = ctx;
  const what = target.evseId === undefined ? 'the station' : target.connectorId === undefined ? `EVSE ${target.evseId}` : `connector ${target.connectorId} of EVSE ${target.evseId}`;
  const request = await csmsRequests(
    ctx,
    `${first}-${first + 1}. the CSMS, asked to set ${what} ${operationalStatus}, sends ChangeAvailabilityRequest; harness answers ${status}`,
    { kind: 'changeAvailability', stationId: config.station.id, operationalStatus, ...target },
    'ChangeAvailability',
    { status },
  );
  await ctx.step(`Step ${first}: ChangeAvailabilityRequest as Part 6 lists it`, () => {
    check.equal('ChangeAvailabilityRequest.operationalStatus', request.operationalStatus, operationalStatus);
    if (target.evseId === undefined) check.that('ChangeAvailabilityRequest.evse', request.evse === undefined || request.evse.id === 0, 'omitted', JSON.stringify(request.evse));
    else check.equal('ChangeAvailabilityRequest.evse.id', request.evse?.id, target.evseId);
    if (target.connectorId === undefined) check.equal('ChangeAvailabilityRequest.evse.connectorId', request.evse?.connectorId, undefined);
    else check.equal('ChangeAvailabilityRequest.evse.connectorId', request.evse?.connectorId, target.connectorId);
  });
}

/** Reusable State Unavailable (CSMS): the CSMS sets `target` Inoperative, the harness accepts and reports the connectors of the target Unavailable. */
export async function unavailableByCsms(ctx: CsmsCaseContext, target: CsmsTarget): Promise<void> {
  await ctx.step('Reusable State Unavailable', async () => {
    await availabilityChangedBy(ctx, target, 'Inoperative');
    await connectorsReportedTo(ctx, '3-4. harness reports the connectors of the target Unavailable', targetConnectors(ctx, target), 'Unavailable');
  });
}

/** Afterwards (not part of Part 6): the harness's station reports every connector Available again, so the CSMS's view is back to idle for the next case. */
export async function connectorsBackToAvailable(ctx: CsmsCaseContext): Promise<void> {
  await ctx.step('Afterwards: harness reports every connector Available again (not part of Part 6; answers are not judged)', async () => {
    try {
      const timestamp = new Date().toISOString();
      for (const c of targetConnectors(ctx, {})) await ctx.station.call('StatusNotification', { timestamp, connectorStatus: 'Available', evseId: c.id, connectorId: c.connectorId });
    } catch {
      // Hygiene only.
    }
  });
}

/** A reading of the energy register with context Trigger, as the harness's station sends it after a trigger. */
export function triggeredReading(valueWh = 0): MeterValueType {
  return { timestamp: new Date().toISOString(), sampledValue: [{ value: valueWh, context: 'Trigger', measurand: 'Energy.Active.Import.Register', unitOfMeasure: { unit: 'Wh' } }] };
}

/** Steps 3-4 of the MeterValues trigger cases: the harness sends a triggered MeterValuesRequest for `evseId`; the CSMS must answer it. */
export async function triggeredMeterValuesSent(ctx: CsmsCaseContext, title: string, evseId: number): Promise<void> {
  await ctx.step(title, () => ctx.station.call('MeterValues', { evseId, meterValue: [triggeredReading()] }));
}
