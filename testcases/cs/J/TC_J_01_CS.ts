/** TC_J_01_CS: an idle station sends clock-aligned MeterValues at AlignedDataCtrlr.Interval with the configured measurands. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkAllMeterValues, checkIntervals, collect, isMeterValues, measurandSetting, meterValuesOf, momentsOf, sessionOf, setting } from '../states';

/** How many MeterValuesRequests the harness takes before it ends the case (Part 6: three). */
const MESSAGES = 3;

export default defineTestCase({
  id: 'TC_J_01_CS',
  name: 'Clock-aligned Meter Values - No transaction ongoing',
  sut: 'CS',
  useCases: ['J01'],
  requirements: ['J01.FR.01', 'J01.FR.02', 'J01.FR.03', 'J01.FR.06', 'J01.FR.07', 'J01.FR.08', 'J01.FR.14', 'J01.FR.15'],
  detects: ['meterValues.noAligned', 'meterValues.wrongContext'],
  configuration: [setting('AlignedDataCtrlr', 'Interval', (c) => String(c.configured.alignedDataInterval))],
  notes:
    'The measurands are read from AlignedDataCtrlr.Measurands. Timestamps may be shared by messages of several EVSEs; the distinct ones ' +
    'must be the interval apart (±1 s). The harness ends after three MeterValuesRequests as Part 6 says, or later if those three share ' +
    'one timestamp (one per EVSE and the main meter), so that the interval can be checked at all.',
  async run(ctx) {
    const { step, config } = ctx;
    const session = sessionOf(ctx);
    const measurands = await measurandSetting(ctx, 'AlignedDataCtrlr', 'Measurands');
    const intervalS = config.configured.alignedDataInterval;
    const calls = await step(`1-2. station sends ${MESSAGES} MeterValuesRequests`, () =>
      collect(session, `${MESSAGES} MeterValuesRequests of two moments or more`, isMeterValues, 0, (got) => got.length >= MESSAGES && momentsOf(got) >= 2, (MESSAGES + 1) * intervalS * 1000 + config.timeouts.messageMs),
    );
    await step('1. checks of each MeterValuesRequest', () => checkAllMeterValues(ctx, 'MeterValuesRequest', calls, 'Sample.Clock', measurands));
    await step('Post: the readings are the clock-aligned interval apart', () =>
      checkIntervals(ctx, 'MeterValuesRequest.meterValue.timestamp', calls.flatMap((c) => meterValuesOf(c).map((m) => m.timestamp)), intervalS),
    );
  },
});
