/** The E14 sequences: the harness's station goes offline and comes back, and the CSMS asks it about its transaction messages. */
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { OcppResponses } from '../../../src/ocpp/generated';
import { energyAt, energyReading } from './meter-values';
import { csmsSendsAfter } from './operator';
import { transactionEventStep, type SimulatedTransaction } from './transaction';

/**
 * Steps 1-2 of the E14 offline cases: the harness closes its connection, stays away for <Configured Transaction Duration>
 * (a wait Part 6 prescribes), and connects again without rebooting. Returns when it went offline.
 */
export async function dropConnectionAndReturn(ctx: CsmsCaseContext): Promise<Date> {
  const { step, station, config } = ctx;
  const seconds = config.configured.transactionDuration;
  const since = new Date();
  await step('1. harness closes its WebSocket connection', () => station.disconnect());
  await step(`2. harness stays offline for <Configured Transaction Duration> (${seconds} s), then connects again without rebooting`, async () => {
    await new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000));
    await station.connect();
  });
  return since;
}

/**
 * The CSMS, asked through the driver, sends GetTransactionStatusRequest: about `transactionId`, or about the whole queue
 * when it is undefined (the request must then omit transactionId). The harness answers with `status`.
 */
export function transactionStatusAsked(ctx: CsmsCaseContext, title: string, transactionId: string | undefined, status: OcppResponses['GetTransactionStatus']): Promise<void> {
  const { step, check, config } = ctx;
  return step(title, async () => {
    const { payload: request } = await csmsSendsAfter(ctx, { kind: 'requestTransactionStatus', stationId: config.station.id, transactionId }, 'GetTransactionStatus', (call) => call.respond(status));
    check.equal('GetTransactionStatusRequest.transactionId', request.transactionId, transactionId);
  });
}

/** Steps 5-6 of the E14 offline cases: the harness delivers the meter reading it queued while offline (Updated, offline true). */
export function deliverQueuedReading(ctx: CsmsCaseContext, tx: SimulatedTransaction, takenAt: Date): Promise<unknown> {
  return transactionEventStep(ctx, '5-6. harness delivers the event queued while offline (Updated, offline, meterValue)', tx, {
    eventType: 'Updated',
    triggerReason: 'MeterValuePeriodic',
    offline: true,
    timestamp: takenAt,
    meterValue: [energyReading(energyAt(tx.chargingSince, takenAt), takenAt, 'Sample.Periodic')],
  });
}
