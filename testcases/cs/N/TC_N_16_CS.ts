/** TC_N_16_CS: with the monitoring level below a monitor's severity, a change of the monitored value sends no event. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkMonitorResult, checkStatusInfo, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_16_CS',
  name: 'Set Monitoring Level - Success',
  sut: 'CS',
  useCases: ['N05'],
  requirements: ['N05.FR.01', 'N05.FR.03'],
  detects: ['monitoring.levelIgnored'],
  notes:
    'Memory state: the harness sets a Delta monitor of severity 8 on EVSE <Configured evseId> AvailabilityState. After the EV is plugged in, ' +
    'the harness waits for the StatusNotification Occupied and then the message timeout for a NotifyEventRequest about that EVSE\'s ' +
    'AvailabilityState, which must not come (events of other components, e.g. the connector, are not judged). Afterwards the EV is unplugged, ' +
    'the monitor cleared and level 9 set again (clean-up).',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    const asked = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity: 8 };
    await withCustomMonitors(
      ctx,
      async (ids) => {
        await ctx.step('Memory State: harness sets a Delta monitor of severity 8 on EVSE AvailabilityState', async () => {
          const result = resultFor(await setMonitors(ctx, [asked]), asked);
          if (result?.id !== undefined) ids.push(result.id);
          checkMonitorResult(ctx, 'setMonitoringResult', result, asked, ['Accepted']);
        });
        await ctx.step('1-2. harness sets monitoring level 7; the station accepts', async () => {
          const response = await ctx.csms.call('SetMonitoringLevel', { severity: 7 });
          ctx.check.equal('SetMonitoringLevelResponse.status', response.status, 'Accepted');
          checkStatusInfo(ctx, 'SetMonitoringLevelResponse', response.statusInfo, ['NoError']);
        });
        try {
          const occupied = ctx.csms.expect('StatusNotification', { where: (c) => c.payload.evseId === evseId && c.payload.connectorStatus === 'Occupied', description: 'StatusNotificationRequest Occupied' });
          occupied.catch(() => undefined);
          await ctx.step('3. Manual action: plug the cable in at the configured EVSE', () => ctx.perform({ kind: 'plugIn', side: 'both', evseId, connectorId }));
          await ctx.step('The station reports the connector Occupied', async () => void (await occupied).respond({}));
          await ctx.step(`4. Post scenario: no NotifyEventRequest about EVSE ${evseId} AvailabilityState within the message timeout`, async () => {
            const event = await ctx.csms
              .expect('NotifyEvent', { where: (c) => c.payload.eventData.some((e) => e.component.name === 'EVSE' && e.component.evse?.id === evseId && e.variable.name === 'AvailabilityState'), description: 'a NotifyEventRequest about the EVSE' })
              .then((c) => c.payload)
              .catch(() => undefined);
            ctx.check.that(`NotifyEventRequest about EVSE ${evseId} AvailabilityState`, event === undefined, 'none (severity 8 is above level 7)', event ? JSON.stringify(event.eventData[0]) : 'none');
          });
        } finally {
          await ctx.step('Afterwards: unplug the cable again (clean-up)', () => ctx.perform({ kind: 'unplug', side: 'both', evseId, connectorId })).catch(() => undefined);
        }
      },
      { level: true },
    );
  },
});
