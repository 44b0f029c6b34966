/** TC_J_06_CS: with AlignedDataCtrlr.SendDuringIdle, clock-aligned meter values stop during a transaction and come back after it. */
import { defineTestCase } from '../../../src/engine/testcase';
import {
  checkAllMeterValues,
  checkIntervals,
  collect,
  energyTransferStarted,
  eventLocationsChecked,
  isMeterValues,
  measurandSetting,
  meterValuesOf,
  momentsOf,
  parkingBayUnoccupied,
  type SessionCall,
  setting,
  withSession,
} from '../states';

/** Part 6's extra wait beyond one interval before the transaction is ended (5 s). */
const EXTRA_WAIT_S = 5;

/** A message that reports clock-aligned readings (MeterValuesRequest, or meter values with context Sample.Clock in a TransactionEventRequest). */
const clockReading = (call: SessionCall): boolean => isMeterValues(call) || meterValuesOf(call).some((m) => m.sampledValue.some((v) => v.context === 'Sample.Clock'));

export default defineTestCase({
  id: 'TC_J_06_CS',
  name: 'Clock-aligned Meter Values - No Meter Values during transaction',
  sut: 'CS',
  useCases: ['J01'],
  requirements: [],
  detects: ['meterValues.duringTransaction', 'meterValues.noAligned'],
  configuration: [setting('AlignedDataCtrlr', 'Interval', (c) => String(c.configured.alignedDataInterval)), setting('AlignedDataCtrlr', 'SendDuringIdle', 'true')],
  notes:
    'Part 6 lists no requirements. The post-scenario rule (no meter values while the transaction runs) is read as no clock-aligned ' +
    'readings: no MeterValuesRequest and no TransactionEventRequest with Sample.Clock readings between the Started and the Ended event; ' +
    'the Transaction.Begin / Transaction.End readings of SampledDataCtrlr are not clock-aligned data. Step 1 takes ' +
    'MeterValuesRequests of two moments (at most two intervals plus the message timeout), so that the post-scenario rule on their ' +
    'timestamps (the interval apart) is checked within that idle period; step 7 only needs the readings to come back (one moment), ' +
    'as a second moment there would add an interval of waiting and check nothing step 1 has not; the gap across the transaction is ' +
    'not one interval by design.',
  async run(ctx) {
    const { step, check, config } = ctx;
    await withSession(ctx, async (session) => {
      const { monitor } = session;
      const measurands = await measurandSetting(ctx, 'AlignedDataCtrlr', 'Measurands');
      const intervalS = config.configured.alignedDataInterval;
      const idleReports = (title: string, moments: number) =>
        step(title, async () => {
          const what = moments === 1 ? 'a MeterValuesRequest' : `MeterValuesRequests of ${moments} moments`;
          const calls = await collect(session, what, isMeterValues, 0, (got) => momentsOf(got) >= moments, moments * intervalS * 1000 + config.timeouts.messageMs);
          checkAllMeterValues(ctx, 'MeterValuesRequest', calls, 'Sample.Clock', measurands);
          return calls;
        });
      const idleIntervals = (title: string, calls: readonly SessionCall[]) =>
        step(title, () => checkIntervals(ctx, 'MeterValuesRequest.meterValue.timestamp', calls.flatMap((c) => meterValuesOf(c).map((m) => m.timestamp)), intervalS));
      const before = await idleReports('1-2. station sends clock-aligned MeterValuesRequests while idle', 2);
      await step('3. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
      const started = monitor.events.find((c) => c.payload.transactionInfo.transactionId === session.transactionId)?.receivedAt.getTime() ?? Date.now();
      await step(`4-5. no clock-aligned readings for <Configured clock-aligned Meter Values interval> + ${EXTRA_WAIT_S} s (${intervalS + EXTRA_WAIT_S} s)`, () =>
        monitor.watch((intervalS + EXTRA_WAIT_S) * 1000, (c) => (c.receivedAt.getTime() > started && clockReading(c) ? `the station reported clock-aligned meter values (${c.action}) during the transaction` : undefined)),
      );
      await step('6. the EV leaves (ParkingBayUnoccupied)', () => parkingBayUnoccupied(session));
      const ended = monitor.events.find((c) => c.payload.eventType === 'Ended' && c.payload.transactionInfo.transactionId === session.transactionId)?.receivedAt.getTime() ?? Date.now();
      const during = [...monitor.discard(isMeterValues), ...monitor.events].filter((c) => c.receivedAt.getTime() > started && c.receivedAt.getTime() < ended && clockReading(c));
      await step('Post: no clock-aligned readings while the transaction ran', () =>
        check.that('clock-aligned readings between Started and Ended', during.length === 0, 'none', during.map((c) => c.action).join(', ') || 'none'),
      );
      await idleReports('7-8. station sends clock-aligned MeterValuesRequests again', 1);
      await idleIntervals('Post: the readings of steps 1-2 are the clock-aligned interval apart', before);
      await eventLocationsChecked(session);
    });
  },
});
