/** TC_J_09_CS: during a transaction the station sends sampled readings every SampledDataCtrlr.TxUpdatedInterval (MeterValuePeriodic). */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkAllMeterValues, checkIntervals, collect, durationCovering, energyTransferStarted, eventLocationsChecked, isEventWith, measurandSetting, meterValuesOf, setting, withSession } from '../states';

export default defineTestCase({
  id: 'TC_J_09_CS',
  name: 'Sampled Meter Values - EventType Updated',
  sut: 'CS',
  useCases: ['J02', 'E01', 'E02', 'E03', 'E09', 'E04', 'E05'],
  requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'J02.FR.11', 'J02.FR.14', 'E02.FR.10', 'E02.FR.11', 'E03.FR.08', 'E03.FR.09', 'E04.FR.06', 'E04.FR.09', 'E11.FR.03', 'E11.FR.06', 'E12.FR.03', 'E12.FR.06'],
  detects: ['meterValues.noPeriodic'],
  configuration: [setting('SampledDataCtrlr', 'TxUpdatedInterval', (c) => String(c.configured.sampledDataTxUpdatedInterval))],
  notes: 'The harness collects for the Transaction Duration, and on until it has periodic readings of two moments, so their spacing can be checked. The measurands are read from SampledDataCtrlr.TxUpdatedMeasurands.',
  async run(ctx) {
    const { step, config } = ctx;
    await withSession(ctx, async (session) => {
      const measurands = await measurandSetting(ctx, 'SampledDataCtrlr', 'TxUpdatedMeasurands');
      const intervalS = config.configured.sampledDataTxUpdatedInterval;
      await step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const periodic = isEventWith('MeterValuePeriodic');
      const seconds = durationCovering(ctx, intervalS);
      const events = await step(`1-2. station sends periodic readings during <Configured transaction duration> (at least ${seconds} s)`, () =>
        collect(session, 'periodic TransactionEventRequests of two moments', periodic, seconds * 1000, (got) => new Set(got.flatMap((c) => meterValuesOf(c).map((m) => m.timestamp))).size >= 2, seconds * 1000 + 2 * intervalS * 1000 + config.timeouts.messageMs),
      );
      await step('1. checks of each TransactionEventRequest', () => checkAllMeterValues(ctx, 'TransactionEventRequest', events, 'Sample.Periodic', measurands));
      await step('Post: the readings are the configured interval apart', () => checkIntervals(ctx, 'TransactionEventRequest.meterValue.timestamp', events.flatMap((c) => meterValuesOf(c).map((m) => m.timestamp)), intervalS));
      await eventLocationsChecked(session);
    });
  },
});
