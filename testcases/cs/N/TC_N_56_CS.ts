/** TC_N_56_CS: a Delta monitor on a non-numeric variable reports any change of it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_56_CS',
  name: 'Alert Event - Delta value NOT numeric exceeded',
  sut: 'CS',
  useCases: ['N07'],
  requirements: ['N07.FR.06', 'N07.FR.07', 'N07.FR.18', 'N07.FR.19'],
  detects: ['monitoring.deltaAsAlerting', 'monitoring.setNotStored'],
  notes:
    'Memory state: a Delta monitor (value 1.0, <Configured severity>) on EVSE <Configured evseId> AvailabilityState. The manual action that ' +
    'changes it is plugging the EV in (the EVSE becomes Occupied); it is unplugged again afterwards, and the monitor cleared.',
  async run(ctx) {
    const { evseId, connectorId, monitorSeverity: severity } = ctx.config.configured;
    const asked = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1.0, severity };
    await withCustomMonitors(ctx, async (ids) => {
      const id = await ctx.step('Memory State: harness sets the Delta monitor on EVSE AvailabilityState', async () => {
        const result = resultFor(await setMonitors(ctx, [asked]), asked);
        if (result?.id !== undefined) ids.push(result.id);
        checkMonitorResult(ctx, 'setMonitoringResult', result, asked, ['Accepted']);
        return result?.id;
      });
      const event = ctx.csms.expect('NotifyEvent', { where: (c) => c.payload.eventData.some((e) => e.variableMonitoringId === id), description: `NotifyEventRequest for monitor ${id}` });
      event.catch(() => undefined);
      try {
        await ctx.step('Manual action: plug the EV in, so the EVSE\'s AvailabilityState changes', () => ctx.perform({ kind: 'plugIn', side: 'both', evseId, connectorId }));
        await ctx.step('1-2. station sends NotifyEventRequest for the Delta monitor', async () => {
          const call = await event;
          call.respond({});
          const e = call.payload.eventData.find((x) => x.variableMonitoringId === id);
          ctx.check.equal('eventData.trigger', e?.trigger, 'Delta');
          ctx.check.equal('eventData.component.name', e?.component.name, 'EVSE');
          ctx.check.equal('eventData.variable.name', e?.variable.name, 'AvailabilityState');
          ctx.check.equal('eventData.variableMonitoringId', e?.variableMonitoringId, id);
        });
      } finally {
        await ctx.step('Afterwards: unplug the EV again (clean-up)', () => ctx.perform({ kind: 'unplug', side: 'both', evseId, connectorId })).catch(() => undefined);
      }
    });
  },
});
