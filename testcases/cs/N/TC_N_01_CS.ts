/** TC_N_01_CS: reports filtered by monitoring criteria hold only the monitor types each criterion stands for. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { MonitorEnumType } from '../../../src/ocpp/generated/definitions';
import { monitoringReport, monitorsPresent, reportedTypes, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_01_CS',
  name: 'Get Monitoring Report - with monitoringCriteria',
  sut: 'CS',
  useCases: ['N02'],
  requirements: ['N02.FR.01', 'N02.FR.03', 'N02.FR.04', 'N02.FR.05', 'N02.FR.06', 'N02.FR.09', 'N02.FR.12', 'N02.FR.13', 'N02.FR.14'],
  detects: ['monitoring.criteriaIgnored', 'monitoring.reportSeqNoFromOne'],
  notes:
    'Before: a LowerThreshold, UpperThreshold, Delta, Periodic and PeriodicClockAligned monitor must exist; the harness sets those the station ' +
    'lacks on <Configured threshold monitor component variable>-like variables (EVSE <Configured evseId> Power, ChargingStation ' +
    'AvailabilityState), with <Configured severity>, and clears them afterwards. Each report must hold at least one monitor and only the ' +
    'types of its criteria (errata 2025-02, 6.2.86, makes the variables configurable; any that can be monitored will do).',
  async run(ctx) {
    const { evseId, monitorSeverity: severity } = ctx.config.configured;
    const power = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'Power' } };
    const needed = [
      { ...power, type: 'LowerThreshold' as const, value: 1, severity },
      { ...power, type: 'UpperThreshold' as const, value: 21000, severity },
      { component: { name: 'ChargingStation' }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity },
      { ...power, type: 'Periodic' as const, value: 3600, severity },
      { ...power, type: 'PeriodicClockAligned' as const, value: 3600, severity },
    ];
    await withCustomMonitors(ctx, async (ids) => {
      await monitorsPresent(ctx, needed, ids);
      const rounds: [string, ('ThresholdMonitoring' | 'DeltaMonitoring' | 'PeriodicMonitoring')[], MonitorEnumType[]][] = [
        ['1-4', ['ThresholdMonitoring'], ['UpperThreshold', 'LowerThreshold']],
        ['5-8', ['ThresholdMonitoring', 'DeltaMonitoring'], ['UpperThreshold', 'LowerThreshold', 'Delta']],
        ['9-12', ['DeltaMonitoring', 'PeriodicMonitoring'], ['Delta', 'Periodic', 'PeriodicClockAligned']],
      ];
      for (const [numbers, criteria, allowed] of rounds) {
        const [from, to] = numbers.split('-').map(Number);
        const report = await monitoringReport(ctx, { monitoringCriteria: [criteria[0], ...criteria.slice(1)] }, { request: `${from}-${from + 1}. harness asks for the monitors of ${criteria.join(' and ')}; the station accepts`, notify: `${from + 2}-${to}. station reports them until tbc is false` });
        await ctx.step(`Step ${from + 2} content: only ${allowed.join(', ')} monitors`, () => {
          const types = reportedTypes(report.monitors);
          ctx.check.that('monitor.variableMonitoring.type', types.length > 0 && types.every((t) => allowed.includes(t)), `${allowed.join(' or ')} (at least one)`, types.join(', ') || 'none');
        });
      }
    });
  },
});
