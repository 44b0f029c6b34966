/** The remote-control steps of the F cases (F03, F05, F06) for CS cases: TriggerMessage and the message it asks for, UnlockConnector, and the checks of triggered readings. */
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall, WireFrame } from '../../../src/ocpp/connection';
import type { MeterValuesRequest, TransactionEventRequest, TriggerMessageRequest, TriggerMessageResponse, UnlockConnectorResponse } from '../../../src/ocpp/generated';
import { monitorOf, type SessionCall } from './monitor';

/** A reading as MeterValuesRequest and TransactionEventRequest carry it. */
type MeterValue = MeterValuesRequest['meterValue'][number];

/** When a trigger was answered, in the order frames came on the wire: what the station sent before its answer is not the requested message. */
export interface TriggerMark {
  /** When the TriggerMessageRequest went out (ms since epoch). */
  readonly sent: number;
  /** True for a CALL the station sent after it answered the trigger (F06.FR.04: the answer comes first). */
  after(call: IncomingCall): boolean;
}

/**
 * Steps 1-2 of the trigger cases: the harness sends TriggerMessageRequest; the station must answer `status`. Returns a
 * mark that tells the CALLs the station sent after its answer from those sent before it (a connector report still on its
 * way from the boot, say), by the order of the frames on the connection.
 */
export async function triggerAnswered(ctx: CsCaseContext, title: string, request: TriggerMessageRequest, status: TriggerMessageResponse['status']): Promise<TriggerMark> {
  return ctx.step(title, async () => {
    const sent = Date.now();
    const afterAnswer = new Set<string>();
    let triggerId: string | undefined;
    let answered = false;
    const connection = ctx.csms.connection;
    const onFrame = (frame: WireFrame): void => {
      if (frame.direction === 'out' && frame.messageType === 2 && frame.action === 'TriggerMessage' && triggerId === undefined) triggerId = frame.messageId;
      else if (frame.direction === 'in' && frame.messageType === 3 && frame.messageId === triggerId) answered = true;
      else if (frame.direction === 'in' && frame.messageType === 2 && answered && frame.messageId) afterAnswer.add(frame.messageId);
    };
    connection?.on('frame', onFrame);
    // Watches long enough for every message the trigger asks for (the cases wait a message timeout at most), then lets go.
    setTimeout(() => connection?.off('frame', onFrame), 3 * ctx.config.timeouts.messageMs).unref();
    const answer = await ctx.csms.call('TriggerMessage', request);
    ctx.check.equal('TriggerMessageResponse.status', answer.status, status);
    return { sent, after: (call: IncomingCall) => afterAnswer.has(call.messageId) };
  });
}

/** Checks that the first sampled value of the first reading of `label` has context Trigger (F06.FR.06 / F06.FR.07). */
export function checkTriggerContext(ctx: CsCaseContext, label: string, meterValue: readonly MeterValue[] | undefined): void {
  ctx.check.equal(`${label}.meterValue[0].sampledValue[0].context`, meterValue?.[0]?.sampledValue[0]?.context, 'Trigger');
}

/** The next session message (MeterValues, TransactionEvent, StatusNotification, NotifyEvent) for which `select` holds, sent after the trigger was answered. */
export function nextAfter(ctx: CsCaseContext, what: string, mark: TriggerMark, select: (call: SessionCall) => boolean): Promise<SessionCall> {
  return monitorOf(ctx).next(what, (call) => mark.after(call) && select(call));
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

/** The first `action` CALL the station sends after it answered the trigger (a message outside the charging session: Heartbeat, FirmwareStatusNotification, LogStatusNotification…), answered by default. */
export async function stationSendsAfterTrigger<A extends 'Heartbeat' | 'FirmwareStatusNotification' | 'LogStatusNotification'>(ctx: CsCaseContext, action: A, mark: TriggerMark): Promise<IncomingCall<A>> {
  const call = await ctx.csms.expect(action, { where: (c) => mark.after(c), description: `a ${action}Request after the trigger` });
  if (call.action === 'Heartbeat') (call as IncomingCall<'Heartbeat'>).respond({ currentTime: new Date().toISOString() });
  else (call as IncomingCall<'FirmwareStatusNotification'>).respond({});
  return call;
}
