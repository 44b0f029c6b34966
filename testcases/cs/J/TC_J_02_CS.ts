/** TC_J_02_CS: during a transaction the clock-aligned readings keep coming, for the charging EVSE in TransactionEventRequest (MeterValueClock). */
import { defineTestCase } from '../../../src/engine/testcase';
import {
  checkAllMeterValues,
  checkIntervals,
  collect,
  durationCovering,
  energyTransferStarted,
  eventLocationsChecked,
  ifImplemented,
  isEventWith,
  isMeterValues,
  measurandSetting,
  meterValuesOf,
  setting,
  withSession,
} from '../states';

export default defineTestCase({
  id: 'TC_J_02_CS',
  name: 'Clock-aligned Meter Values - Transaction ongoing',
  sut: 'CS',
  useCases: ['J01'],
  requirements: ['J01.FR.01', 'J01.FR.02', 'J01.FR.03', 'J01.FR.06', 'J01.FR.07', 'J01.FR.08', 'J01.FR.14', 'J01.FR.15'],
  detects: ['meterValues.noAligned', 'meterValues.wrongContext'],
  configuration: [
    setting('AlignedDataCtrlr', 'Interval', (c) => String(c.configured.alignedDataInterval)),
    ifImplemented(setting('AlignedDataCtrlr', 'SendDuringIdle', 'false')),
    ifImplemented(setting('SampledDataCtrlr', 'RegisterValuesWithoutPhases', 'false')),
  ],
  notes:
    'Errata 2025-09 6.2.63 supersedes 6.2.64: measurands may be reported per phase; "Sample.Circle" in the errata is read as Sample.Clock. ' +
    'SampledDataCtrlr.RegisterValuesWithoutPhases is set to false (errata, "if implemented": left out when the station does not have ' +
    'it). The harness collects for the Transaction Duration, and on until it has clock-aligned TransactionEventRequests of two moments, ' +
    'so their spacing can be checked; MeterValuesRequests (other EVSEs, main meter) are checked when they come.',
  async run(ctx) {
    const { step, config } = ctx;
    await withSession(ctx, async (session) => {
      const measurands = await measurandSetting(ctx, 'AlignedDataCtrlr', 'Measurands');
      const intervalS = config.configured.alignedDataInterval;
      await step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const clockEvent = isEventWith('MeterValueClock');
      const seconds = durationCovering(ctx, intervalS);
      const calls = await step(`1-4. station reports clock-aligned readings during <Configured transaction duration> (at least ${seconds} s)`, () =>
        collect(session, 'clock-aligned TransactionEventRequests of two moments', (c) => isMeterValues(c) || clockEvent(c), seconds * 1000, (got) => new Set(got.filter(clockEvent).flatMap((c) => meterValuesOf(c).map((m) => m.timestamp))).size >= 2, seconds * 1000 + 2 * intervalS * 1000 + config.timeouts.messageMs),
      );
      const events = calls.filter(clockEvent);
      const meterValues = calls.filter(isMeterValues);
      await step('1. checks of each MeterValuesRequest', () => checkAllMeterValues(ctx, 'MeterValuesRequest', meterValues, 'Sample.Clock', measurands));
      await step('3. checks of each TransactionEventRequest', () => checkAllMeterValues(ctx, 'TransactionEventRequest', events, 'Sample.Clock', measurands));
      await step('Post: the TransactionEventRequest readings are the clock-aligned interval apart', () => checkIntervals(ctx, 'TransactionEventRequest.meterValue.timestamp', events.flatMap((c) => meterValuesOf(c).map((m) => m.timestamp)), intervalS));
      if (meterValues.length > 1) {
        await step('Post: the MeterValuesRequest readings are the clock-aligned interval apart', () => checkIntervals(ctx, 'MeterValuesRequest.meterValue.timestamp', meterValues.flatMap((c) => meterValuesOf(c).map((m) => m.timestamp)), intervalS));
      }
      await eventLocationsChecked(session);
    });
  },
});
