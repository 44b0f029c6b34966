/** Sequences of the J (meter values) cases: clock-aligned instants, the idle meters' reports, and the series an Ended event carries. */
import { nextEventId } from '../../../src/actors/ids';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { MeterValueType } from '../../../src/ocpp/generated/definitions';
import { clockAligned, energyReading, txEndedSeries } from './meter-values';
import { energyTransferStarted, evDisconnected, newTransaction, type SimulatedTransaction } from './transaction';

/** Wh the idle meter of an EVSE reads (a fixed register value; evseId 0 is the station's main meter). */
const idleRegister = (evseId: number): number => 100_000 + evseId * 10_000;

/**
 * A step: the harness keeps serving the CSMS until the next clock-aligned instant of `intervalSeconds` (a wait the
 * clock-aligned cases prescribe), and returns that instant.
 */
export function untilClockTick(ctx: CsmsCaseContext, title: string, intervalSeconds: number): Promise<Date> {
  return ctx.step(`${title} (${intervalSeconds} s grid), answering the CSMS meanwhile`, async () => {
    const tick = clockAligned(new Date(Date.now() + 1), intervalSeconds);
    await ctx.station.serveFor(Math.max(0, tick.getTime() - Date.now()));
    return tick;
  });
}

/**
 * A step: at the clock-aligned instant `at`, the harness reports the meters of `evseIds` (0 for the station as a whole): one
 * MeterValuesRequest each (Sample.Clock), and one NotifyEventRequest with their FiscalMetering readings (trigger Periodic).
 */
export function reportIdleMeters(ctx: CsmsCaseContext, title: string, at: Date, evseIds: readonly number[]): Promise<void> {
  const { station } = ctx;
  return ctx.step(title, async () => {
    for (const evseId of evseIds) await station.call('MeterValues', { evseId, meterValue: [energyReading(idleRegister(evseId), at, 'Sample.Clock')] });
    await station.call('NotifyEvent', {
      generatedAt: at.toISOString(),
      seqNo: 0,
      eventData: evseIds.map((evseId) => ({
        eventId: nextEventId(),
        timestamp: at.toISOString(),
        trigger: 'Periodic' as const,
        actualValue: String(idleRegister(evseId)),
        eventNotificationType: 'PreconfiguredMonitor' as const,
        component: evseId === 0 ? { name: 'FiscalMetering' } : { name: 'FiscalMetering', evse: { id: evseId } },
        variable: { name: 'EnergyImportRegister' },
      })),
    });
  });
}

/** The evse ids whose meters are idle while `busy` transactions run: 0 (the station) and every configured EVSE without one. */
export function idleEvseIds(ctx: CsmsCaseContext, busy: readonly SimulatedTransaction[] = []): number[] {
  return [0, ...ctx.config.station.evses.map((e) => e.id).filter((id) => !busy.some((tx) => tx.evse.id === id))];
}

/** The meter values of the Ended event of the J cases: clock-aligned or periodic readings of the transaction, then Transaction.End. */
export function endedReadings(ctx: CsmsCaseContext, context: 'Sample.Clock' | 'Sample.Periodic', signed: boolean): (tx: SimulatedTransaction) => MeterValueType[] {
  const { alignedDataTxEndedInterval, sampledDataTxEndedInterval } = ctx.config.configured;
  const interval = context === 'Sample.Clock' ? alignedDataTxEndedInterval : sampledDataTxEndedInterval;
  return (tx) => txEndedSeries(tx.chargingSince ?? new Date(), new Date(), interval, context, signed);
}

/**
 * The J cases that end a transaction with its readings: energy flows (for Sample.Clock, past at least one clock-aligned
 * instant of the Tx-ended interval, so there is a clock-aligned reading to carry), then step 1 unplugs the EV through the
 * EVDisconnected state, whose Ended event carries the readings and a last Transaction.End one.
 */
export async function chargeThenEndWithReadings(ctx: CsmsCaseContext, context: 'Sample.Clock' | 'Sample.Periodic', signed: boolean): Promise<void> {
  const tx = newTransaction(ctx.config);
  await energyTransferStarted(ctx, tx);
  if (context === 'Sample.Clock') {
    await untilClockTick(ctx, 'Before: harness lets energy flow past a clock-aligned instant of <Configured clock-aligned Tx ended Meter Values interval>', ctx.config.configured.alignedDataTxEndedInterval);
  }
  const kind = `${context === 'Sample.Clock' ? 'clock-aligned' : 'periodic'}${signed ? ', signed' : ''}`;
  await ctx.step(`1. the EV is unplugged; the Ended event carries the ${kind} readings of the transaction`, () => evDisconnected(ctx, tx, { meterValue: endedReadings(ctx, context, signed) }));
}
