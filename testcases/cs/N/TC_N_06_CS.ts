/** TC_N_06_CS: after monitoring base HardWiredOnly a station no longer has the preconfigured or custom Delta monitor on its AvailabilityState. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkStatusInfo, describeMonitors, monitoringReport, resultFor, restoreMonitoring, setMonitors } from '../states/monitoring';

const CS_AVAILABILITY = { component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' } };

export default defineTestCase({
  id: 'TC_N_06_CS',
  name: 'Set Monitoring Base - test removal custom monitors',
  sut: 'CS',
  useCases: ['N03'],
  requirements: ['N03.FR.01', 'N03.FR.05'],
  detects: ['monitoring.hardWiredOnlyKeepsPreconfigured', 'monitoring.reportSeqNoFromOne'],
  notes:
    'Before configuration: when the station reports no monitor on ChargingStation.AvailabilityState, the harness sets a Delta monitor there ' +
    '(value 1, severity 8) and checks the report again. A hard-wired monitor there makes the case fail, as Part 6 says. Afterwards the harness ' +
    'sets monitoring base All again (clean-up).',
  async run(ctx) {
    const { step, check } = ctx;
    try {
      const probe = await monitoringReport(ctx, { componentVariable: [CS_AVAILABILITY] }, { request: 'Preparation: harness asks which monitors ChargingStation.AvailabilityState has', notify: 'Preparation: the station reports them' }, 'probe');
      if (probe.response.status !== 'Accepted') {
        await step('Preparation: harness sets a Delta monitor on ChargingStation.AvailabilityState', async () => {
          const asked = { ...CS_AVAILABILITY, type: 'Delta' as const, value: 1, severity: 8 };
          check.equal('SetVariableMonitoringResponse status', resultFor(await setMonitors(ctx, [asked]), asked)?.status, 'Accepted');
        });
      }
      const before = await monitoringReport(ctx, { componentVariable: [CS_AVAILABILITY] }, { request: '1-2. harness asks for the monitors of ChargingStation.AvailabilityState; the station accepts', notify: '3-4. station reports them' });
      await step('Step 3 content: one part with the Delta monitor of ChargingStation.AvailabilityState', () => {
        check.equal('NotifyMonitoringReportRequest.seqNo', before.parts[0]?.seqNo, 0);
        check.notEqual('NotifyMonitoringReportRequest.tbc', before.parts[0]?.tbc, true);
        const delta = before.monitors.some((m) => m.component.name === 'ChargingStation' && m.variable.name === 'AvailabilityState' && m.variableMonitoring.some((v) => v.type === 'Delta'));
        check.that('monitor of ChargingStation.AvailabilityState with type Delta', delta, 'reported', describeMonitors(before.monitors));
      });
      await step('5-6. harness sets monitoring base HardWiredOnly; the station accepts', async () => {
        const response = await ctx.csms.call('SetMonitoringBase', { monitoringBase: 'HardWiredOnly' });
        check.equal('SetMonitoringBaseResponse.status', response.status, 'Accepted');
        checkStatusInfo(ctx, 'SetMonitoringBaseResponse', response.statusInfo, ['NoError']);
      });
      await monitoringReport(ctx, { componentVariable: [CS_AVAILABILITY] }, { request: '7-8. harness asks again: the monitor is gone (EmptyResultSet)', notify: 'unexpected: the station reports monitors' }, 'EmptyResultSet');
    } finally {
      await restoreMonitoring(ctx, [], { base: true });
    }
  },
});
