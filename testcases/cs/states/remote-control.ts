/** The remote-control steps of the F cases (F03, F05, F06) for CS cases: TriggerMessage and the message it asks for, UnlockConnector, and the checks of triggered readings. */
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { MeterValuesRequest, TransactionEventRequest, TriggerMessageRequest, TriggerMessageResponse, UnlockConnectorResponse } from '../../../src/ocpp/generated';
import { monitorOf, type SessionCall } from './monitor';

/** A reading as MeterValuesRequest and TransactionEventRequest carry it. */
type MeterValue = MeterValuesRequest['meterValue'][number];

/**
 * Steps 1-2 of the trigger cases: the harness sends TriggerMessageRequest; the station must answer `status`. Returns when
 * the request went out (ms since epoch): the requested message may arrive in the same instant as the answer, and counts.
 */
export async function triggerAnswered(ctx: CsCaseContext, title: string, request: TriggerMessageRequest, status: TriggerMessageResponse['status']): Promise<number> {
  return ctx.step(title, async () => {
    const sent = Date.now();
    const answer = await ctx.csms.call('TriggerMessage', request);
    ctx.check.equal('TriggerMessageResponse.status', answer.status, status);
    return sent;
  });
}

/** Checks that the first sampled value of the first reading of `label` has context Trigger (F06.FR.06 / F06.FR.07). */
export function checkTriggerContext(ctx: CsCaseContext, label: string, meterValue: readonly MeterValue[] | undefined): void {
  ctx.check.equal(`${label}.meterValue[0].sampledValue[0].context`, meterValue?.[0]?.sampledValue[0]?.context, 'Trigger');
}

/** The next session message (MeterValues, TransactionEvent, StatusNotification, NotifyEvent) for which `select` holds, received after `since`. */
export function nextAfter(ctx: CsCaseContext, what: string, since: number, select: (call: SessionCall) => boolean): Promise<SessionCall> {
  return monitorOf(ctx).next(what, (call) => call.receivedAt.getTime() >= since && select(call));
}

/** The MeterValuesRequest of a trigger, as received. */
export type MeterValuesCall = IncomingCall<'MeterValues'>;

/** Steps 1-2 of the unlock cases: the harness sends UnlockConnectorRequest; the station must answer `status`. */
export async function unlockAnswered(ctx: CsCaseContext, evseId: number, connectorId: number, status: UnlockConnectorResponse['status']): Promise<void> {
  await ctx.step(`1-2. harness sends UnlockConnectorRequest for connector ${connectorId} of EVSE ${evseId}, station answers ${status}`, async () => {
    const answer = await ctx.csms.call('UnlockConnector', { evseId, connectorId });
    ctx.check.equal('UnlockConnectorResponse.status', answer.status, status);
  });
}

/** The checks of a triggered TransactionEventRequest (TC_F_13_CS, TC_F_14_CS): triggerReason Trigger, chargingState Charging, a reading with context Trigger. */
export function checkTriggeredEvent(ctx: CsCaseContext, event: TransactionEventRequest): void {
  ctx.check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'Trigger');
  ctx.check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'Charging');
  ctx.check.that('TransactionEventRequest.meterValue', (event.meterValue?.length ?? 0) > 0, 'present', JSON.stringify(event.meterValue));
  checkTriggerContext(ctx, 'TransactionEventRequest', event.meterValue);
}

/** The first `action` CALL the station sends after `since` (a message outside the charging session: Heartbeat, FirmwareStatusNotification, LogStatusNotification…), answered by default. */
export async function stationSendsAfterTrigger<A extends 'Heartbeat' | 'FirmwareStatusNotification' | 'LogStatusNotification'>(ctx: CsCaseContext, action: A, since: number): Promise<IncomingCall<A>> {
  const call = await ctx.csms.expect(action, { where: (c) => c.receivedAt.getTime() >= since, description: `a ${action}Request after the trigger` });
  if (call.action === 'Heartbeat') (call as IncomingCall<'Heartbeat'>).respond({ currentTime: new Date().toISOString() });
  else (call as IncomingCall<'FirmwareStatusNotification'>).respond({});
  return call;
}
