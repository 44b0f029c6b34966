/** Sequences of the tariff and cost cases (Block I, CSMS side): the periodic updates after which the CSMS owes the running cost, and the metered end whose answer owes the total. */
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import { VerdictError } from '../../../src/engine/verdict';
import type { OcppResponses } from '../../../src/ocpp/generated';
import { energyAt, energyReading } from './meter-values';
import { sendEvCommunicationLost, transactionEventStep, type SimulatedTransaction } from './transaction';

/** How many periodic updates TC_I_01_CSMS sends (Part 6: the OCTT ends the case after two). */
export const PERIODIC_UPDATES = 2;

/**
 * Steps 7-10 of TC_I_01_CSMS, `PERIODIC_UPDATES` times, <Configured sampled Meter Values interval> apart: a periodic
 * update of `tx` (MeterValuePeriodic, Updated, an Energy.Active.Import.Register reading with context Sample.Periodic);
 * when its answer carries no totalCost, the CSMS must then send a CostUpdatedRequest for the transaction.
 */
export async function periodicUpdatesWithCost(ctx: CsmsCaseContext, tx: SimulatedTransaction): Promise<void> {
  const { station, config, check } = ctx;
  const intervalS = config.configured.sampledDataTxUpdatedInterval;
  for (let update = 1; update <= PERIODIC_UPDATES; update++) {
    await ctx.step(`7 (update ${update}). harness waits <Configured sampled Meter Values interval> (${intervalS} s), answering the CSMS meanwhile`, () => station.serveFor(intervalS * 1000));
    const at = new Date();
    const answer: OcppResponses['TransactionEvent'] = await transactionEventStep(ctx, `7-8 (update ${update}). harness sends TransactionEventRequest (MeterValuePeriodic, Updated, Sample.Periodic)`, tx, {
      eventType: 'Updated',
      triggerReason: 'MeterValuePeriodic',
      timestamp: at,
      meterValue: [energyReading(energyAt(tx.chargingSince, at), at, 'Sample.Periodic')],
    });
    if (answer.totalCost !== undefined) continue;
    await ctx.step(`9-10 (update ${update}). the answer had no totalCost: the CSMS sends CostUpdatedRequest; harness answers`, async () => {
      const label = 'the CSMS sends the running cost after an answer without totalCost (CostUpdatedRequest)';
      try {
        const call = await station.expect('CostUpdated', { description: 'a CostUpdatedRequest' });
        // A CALL the step waited for is the step's to answer (before judging it, so the CSMS is not left waiting).
        if (!call.isAnswered) call.respond({});
        check.equal('CostUpdatedRequest.transactionId', call.payload.transactionId, tx.transactionId);
      } catch (error) {
        if (!(error instanceof VerdictError && error.code === 'OCPPCT_EXPECT_TIMEOUT')) throw error;
        check.that(label, false, `a CostUpdatedRequest within ${config.timeouts.messageMs} ms`, 'none');
      }
    });
  }
}

/** Steps 8-9 of TC_I_02_CSMS (errata 2025-02): the Ended event (EVCommunicationLost, Idle, EVDisconnected) with the closing reading `endWh` (Transaction.End); its answer must carry totalCost. */
export async function endedWithTotalCost(ctx: CsmsCaseContext, title: string, tx: SimulatedTransaction, endWh: number): Promise<void> {
  const answer = await sendEvCommunicationLost(ctx, title, tx, { meterValue: () => [energyReading(endWh, new Date(), 'Transaction.End')] });
  tx.evConnected = false;
  await ctx.step('9. the CSMS answers with the total cost of the transaction', () => {
    ctx.check.that('TransactionEventResponse.totalCost', answer.totalCost !== undefined, 'not omitted', answer.totalCost === undefined ? 'omitted' : String(answer.totalCost));
  });
}
