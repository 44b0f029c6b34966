/** TC_J_09_CSMS: the CSMS answers the periodic readings a station sends during a transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyAt, energyReading, energyTransferStarted, leaveIdle, newTransaction, transactionEventStep } from '../states';

/** How many periodic readings the harness sends before it ends the case. */
const READINGS = 3;

export default defineTestCase({
  id: 'TC_J_09_CSMS',
  name: 'Sampled Meter Values - EventType Updated',
  sut: 'CSMS',
  useCases: ['J02'],
  requirements: ['J02.FR.19'],
  detects: ['transaction.meterValuesUnanswered'],
  notes: 'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT (J02.FR.19).',
  async run(ctx) {
    const { step, station, config } = ctx;
    const seconds = config.configured.sampledDataTxUpdatedInterval;
    const tx = newTransaction(config);
    await energyTransferStarted(ctx, tx);
    for (let reading = 1; reading <= READINGS; reading++) {
      await step(`1 (reading ${reading}). harness waits <Configured sampled Meter Values interval> (${seconds} s), answering the CSMS meanwhile`, () => station.serveFor(seconds * 1000));
      const at = new Date();
      await transactionEventStep(ctx, `1-2 (reading ${reading}). harness sends the periodic reading (MeterValuePeriodic, Sample.Periodic)`, tx, {
        eventType: 'Updated',
        triggerReason: 'MeterValuePeriodic',
        timestamp: at,
        meterValue: [energyReading(energyAt(tx.chargingSince, at), at, 'Sample.Periodic')],
      });
    }
    await leaveIdle(ctx, tx);
  },
});
