/** TC_N_41_CS: a preconfigured monitor overruled by a custom one comes back as it was with monitoring base FactoryDefault. */
import { defineTestCase } from '../../../src/engine/testcase';
import { sutFailed } from '../../../src/engine/verdict';
import { checkStatusInfo, describeMonitors, monitoringReport, resultFor, restoreMonitoring, setMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_41_CS',
  name: 'Set Variable Monitoring - Return to FactoryDefault',
  sut: 'CS',
  useCases: ['N03', 'N04'],
  requirements: ['N03.FR.04', 'N04.FR.15'],
  detects: ['monitoring.customKeptOnFactoryDefault', 'monitoring.replaceAdds'],
  notes:
    'Follows errata 2025-02 (6.2.103): the monitoring base is FactoryDefault first; the harness finds <Configured preconfigured monitor id> ' +
    '(configured.preconfiguredMonitorId) in a report of all monitors and overrules it with the same monitor at severity + 1 (5 when it is 9); ' +
    'the report of its variable then shows that severity, and after FactoryDefault the original one. Monitoring base All is set again afterwards.',
  applicable: (config) => (config.configured.preconfiguredMonitorId === 0 ? 'no preconfigured monitor id is configured (configured.preconfiguredMonitorId is 0)' : undefined),
  async run(ctx) {
    const id = ctx.config.configured.preconfiguredMonitorId;
    try {
      await ctx.step('Memory State: harness sets monitoring base FactoryDefault', async () => ctx.check.equal('SetMonitoringBaseResponse.status', (await ctx.csms.call('SetMonitoringBase', { monitoringBase: 'FactoryDefault' })).status, 'Accepted'));
      const all = await monitoringReport(ctx, {}, { request: '1-2. harness asks for every monitor; the station accepts', notify: '3-4. station reports them' });
      const found = all.monitors.find((m) => m.variableMonitoring.some((v) => v.id === id));
      const original = found?.variableMonitoring.find((v) => v.id === id);
      if (!found || !original) throw sutFailed('OCPPCT_VALIDATION', `the station does not report its preconfigured monitor ${id}; it reported ${describeMonitors(all.monitors)}`);
      const severity = original.severity < 9 ? original.severity + 1 : 5;
      const overrule = { id, transaction: original.transaction, value: original.value, type: original.type, severity, component: found.component, variable: found.variable };
      await ctx.step(`5-6. harness overrules monitor ${id} with severity ${severity}; the station accepts`, async () => {
        const result = resultFor(await setMonitors(ctx, [overrule]), overrule);
        ctx.check.equal('setMonitoringResult.status', result?.status, 'Accepted');
        ctx.check.equal('setMonitoringResult.type', result?.type, original.type);
        ctx.check.equal('setMonitoringResult.component.name', result?.component.name, found.component.name);
        ctx.check.equal('setMonitoringResult.variable.name', result?.variable.name, found.variable.name);
      });
      const filter = { monitoringCriteria: [original.type === 'Delta' ? 'DeltaMonitoring' : original.type.includes('Threshold') ? 'ThresholdMonitoring' : 'PeriodicMonitoring'] as [('DeltaMonitoring' | 'ThresholdMonitoring' | 'PeriodicMonitoring')], componentVariable: [{ component: found.component, variable: found.variable }] as [{ component: typeof found.component; variable: typeof found.variable }] };
      const severityOf = (monitors: typeof all.monitors) => monitors.flatMap((m) => m.variableMonitoring).filter((v) => v.id === id).map((v) => v.severity);
      const overruled = await monitoringReport(ctx, filter, { request: '7-8. harness asks for the monitors of that variable; the station accepts', notify: '9-10. station reports them' });
      await ctx.step(`Step 9 content: monitor ${id} has severity ${severity}`, () => ctx.check.equal(`severity of monitor ${id}`, severityOf(overruled.monitors), [severity]));
      await ctx.step('11-12. harness sets monitoring base FactoryDefault; the station accepts', async () => {
        const response = await ctx.csms.call('SetMonitoringBase', { monitoringBase: 'FactoryDefault' });
        ctx.check.equal('SetMonitoringBaseResponse.status', response.status, 'Accepted');
        checkStatusInfo(ctx, 'SetMonitoringBaseResponse', response.statusInfo, ['NoError']);
      });
      const restored = await monitoringReport(ctx, filter, { request: '13-14. harness asks for the monitors of that variable again; the station accepts', notify: '15-16. station reports them' });
      await ctx.step(`Step 15 content: monitor ${id} is back with severity ${original.severity}`, () => ctx.check.equal(`severity of monitor ${id}`, severityOf(restored.monitors), [original.severity]));
    } finally {
      await restoreMonitoring(ctx, [], { base: true });
    }
  },
});
