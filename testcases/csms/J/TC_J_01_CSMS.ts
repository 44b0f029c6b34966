/** TC_J_01_CSMS: the CSMS answers the clock-aligned meter values of an idle station. */
import { defineTestCase } from '../../../src/engine/testcase';
import { idleEvseIds, reportIdleMeters, untilClockTick } from '../states';

/** How many clock-aligned reports the harness sends before it ends the case. */
const REPORTS = 3;

export default defineTestCase({
  id: 'TC_J_01_CSMS',
  name: 'Clock-aligned Meter Values - No transaction ongoing',
  sut: 'CSMS',
  useCases: ['J01'],
  requirements: ['J01.FR.18'],
  detects: ['meterValues.unanswered'],
  notes:
    'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT ' +
    '(J01.FR.18). The harness reads "three Meter Value messages" as three clock-aligned reports, one interval apart, each ' +
    'covering evseId 0 and every configured EVSE; the NotifyEventRequest reports FiscalMetering.EnergyImportRegister.',
  async run(ctx) {
    const { step, config } = ctx;
    const evseIds = idleEvseIds(ctx);
    await step(`1-2. every <Configured clock-aligned Meter Values interval>, harness reports the idle meters (${REPORTS} times)`, async () => {
      for (let report = 1; report <= REPORTS; report++) {
        const at = await untilClockTick(ctx, `1 (report ${report}). harness waits for the next clock-aligned instant`, config.configured.alignedDataInterval);
        await reportIdleMeters(ctx, `1-2 (report ${report}). harness sends MeterValuesRequest for evseId ${evseIds.join(', ')} and a NotifyEventRequest`, at, evseIds);
      }
    });
  },
});
