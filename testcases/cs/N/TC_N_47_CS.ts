/** TC_N_47_CS: asked for every monitor, the station reports them all, the Delta monitors of the station's and the EVSE's AvailabilityState among them. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityDeltasReported, monitoringReport, withAvailabilityDeltaMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_47_CS',
  name: 'Get Monitoring report - Report all',
  sut: 'CS',
  useCases: ['N02'],
  requirements: ['N02.FR.01', 'N02.FR.11'],
  detects: ['monitoring.reportSeqNoFromOne', 'monitoring.setNotStored'],
  notes:
    'Memory state: Delta monitors on ChargingStation and EVSE <Configured evseId> AvailabilityState, set by the harness where the station has ' +
    'none (<Configured severity>, cleared afterwards). Part 6 lists the fields of later parts as AvailabilityState Delta monitors; a report of ' +
    'all monitors holds others too (N02.FR.11), so the harness checks that these two are among them.',
  async run(ctx) {
    await withAvailabilityDeltaMonitors(ctx, async (needed) => {
      const report = await monitoringReport(ctx, {}, { request: '1-2. harness asks for every monitor (no criteria, no componentVariable); the station accepts', notify: '3-4. station reports them until tbc is false' });
      await ctx.step('Post scenario: both AvailabilityState Delta monitors are in the report', () => availabilityDeltasReported(ctx, report, needed));
    });
  },
});
