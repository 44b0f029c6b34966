/** TC_J_02_CSMS: the CSMS answers clock-aligned meter values while a transaction runs, both for idle meters and in the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyAt, energyReading, energyTransferStarted, idleEvseIds, leaveIdle, newTransaction, reportIdleMeters, transactionEventStep, untilClockTick } from '../states';

export default defineTestCase({
  id: 'TC_J_02_CSMS',
  name: 'Clock-aligned Meter Values - Transaction ongoing',
  sut: 'CSMS',
  useCases: ['J01'],
  requirements: ['J01.FR.18'],
  detects: ['meterValues.unanswered', 'transaction.meterValuesUnanswered'],
  notes:
    'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT. The ' +
    'harness reports every clock-aligned instant until <Configured Transaction Duration> has passed, and at least once.',
  async run(ctx) {
    const { config } = ctx;
    const { alignedDataInterval, transactionDuration } = config.configured;
    const tx = newTransaction(config);
    await energyTransferStarted(ctx, tx);
    const idle = idleEvseIds(ctx, [tx]);
    const reports = Math.max(1, Math.floor(transactionDuration / alignedDataInterval));
    for (let report = 1; report <= reports; report++) {
      const at = await untilClockTick(ctx, `1 (report ${report}). harness waits for the next clock-aligned instant (<Configured clock-aligned Meter Values interval>)`, alignedDataInterval);
      await reportIdleMeters(ctx, `1-2 (report ${report}). harness reports the idle meters (evseId ${idle.join(', ')})`, at, idle);
      await transactionEventStep(ctx, `3-4 (report ${report}). harness sends the transaction's clock-aligned reading (MeterValueClock, Sample.Clock)`, tx, {
        eventType: 'Updated',
        triggerReason: 'MeterValueClock',
        timestamp: at,
        meterValue: [energyReading(energyAt(tx.chargingSince, at), at, 'Sample.Clock')],
      });
    }
    await leaveIdle(ctx, tx);
  },
});
