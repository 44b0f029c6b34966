/** TC_N_02_CS: a report for named component-variables holds the AvailabilityState Delta monitors of the station and of the EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityDeltasReported, describeMonitors, monitoringReport, withAvailabilityDeltaMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_02_CS',
  name: 'Get Monitoring Report - with component/variable',
  sut: 'CS',
  useCases: ['N02'],
  requirements: ['N02.FR.01', 'N02.FR.03', 'N02.FR.04', 'N02.FR.05', 'N02.FR.08', 'N02.FR.09'],
  detects: ['monitoring.setNotStored', 'monitoring.reportSeqNoFromOne'],
  notes:
    'Memory state: Delta monitors on ChargingStation and EVSE <Configured evseId> AvailabilityState, set by the harness where missing ' +
    '(<Configured severity>, cleared afterwards). The request names ChargingStation.AvailabilityState and the whole EVSE (every monitor of it). ' +
    'Every reported monitor must belong to what was asked, and every AvailabilityState monitor reported must be a Delta.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    await withAvailabilityDeltaMonitors(ctx, async (needed) => {
      const report = await monitoringReport(ctx, { componentVariable: [{ component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' } }, { component: { name: 'EVSE', evse: { id: evseId } } }] }, { request: '1-2. harness asks for ChargingStation.AvailabilityState and every monitor of the EVSE; the station accepts', notify: '3-4. station reports them until tbc is false' });
      await ctx.step('Step 3 and post scenario: what was asked, with both AvailabilityState Delta monitors', () => {
        const outside = report.monitors.filter((m) => !(m.component.name === 'ChargingStation' && m.variable.name === 'AvailabilityState') && !(m.component.name === 'EVSE' && m.component.evse?.id === evseId));
        ctx.check.that('monitors outside the request', outside.length === 0, 'none', describeMonitors(outside));
        const notDelta = report.monitors.filter((m) => m.variable.name === 'AvailabilityState' && m.variableMonitoring.some((v) => v.type !== 'Delta'));
        ctx.check.that('AvailabilityState monitors of a type other than Delta', notDelta.length === 0, 'none', describeMonitors(notDelta));
        availabilityDeltasReported(ctx, report, needed);
      });
    });
  },
});
