/** TC_N_15_CS: a second monitor of the same type and severity on the same variable is answered Duplicate. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_15_CS',
  name: 'Set Variable Monitoring - Duplicate Variable type/severity combination',
  sut: 'CS',
  useCases: ['N04'],
  requirements: ['N04.FR.10'],
  detects: ['monitoring.duplicateAccepted'],
  notes: 'One result must be Accepted and the other Duplicate (any order). The harness clears the accepted monitor afterwards (clean-up).',
  async run(ctx) {
    const { evseId, monitorSeverity: severity } = ctx.config.configured;
    const asked = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity };
    await withCustomMonitors(ctx, async (ids) => {
      await ctx.step('1-2. harness sets the same Delta monitor twice in one request; the station accepts one and calls the other Duplicate', async () => {
        const results = await setMonitors(ctx, [asked, asked]);
        for (const r of results) if (r.id !== undefined && r.status === 'Accepted') ids.push(r.id);
        const accepted = results.find((r) => r.status === 'Accepted');
        const other = results.find((r) => r !== accepted);
        checkMonitorResult(ctx, 'setMonitoringResult (Accepted)', accepted, asked, ['Accepted']);
        ctx.check.equal('setMonitoringResult (second).status', other?.status, 'Duplicate');
        ctx.check.equal('setMonitoringResult (second).type', other?.type, asked.type);
        ctx.check.equal('setMonitoringResult (second).severity', other?.severity, severity);
        ctx.check.equal('setMonitoringResult (second).component.evse.id', other?.component.evse?.id, evseId);
        ctx.check.equal('setMonitoringResult (second).variable.name', other?.variable.name, 'AvailabilityState');
        ctx.check.that('setMonitoringResult (second).statusInfo', other?.statusInfo === undefined || other.statusInfo.reasonCode === 'InvalidValue', 'absent or reasonCode InvalidValue', JSON.stringify(other?.statusInfo));
      });
    });
  },
});
