/** TC_N_22_CS: an event of a monitor whose severity is within OfflineQueuingSeverity is queued while offline and sent after reconnecting. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectionClosed } from '../states/offline';
import { setting } from '../states/configuration';
import { checkMonitorResult, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_22_CS',
  name: 'Offline Notification - OfflineMonitoringEventQueuingSeverity set equal or lower than severityLevel of the monitor',
  sut: 'CS',
  useCases: ['N07'],
  requirements: ['N07.FR.04'],
  detects: ['monitoring.offlineNotQueued'],
  configuration: [setting('MonitoringCtrlr', 'OfflineQueuingSeverity', (config) => String(config.configured.monitorSeverity))],
  notes:
    'Memory state: a Delta monitor with <Configured severity> on EVSE <Configured evseId> AvailabilityState, set by the harness (cleared ' +
    'afterwards). The harness takes the station offline by closing the connection and refusing reconnects; the cable is plugged in while it is ' +
    'offline, then the harness waits <Configured Transaction Duration> and lets it back. The EV is unplugged again afterwards.',
  async run(ctx) {
    const { evseId, connectorId, monitorSeverity: severity, transactionDuration } = ctx.config.configured;
    const asked = { component: { name: 'EVSE', evse: { id: evseId } }, variable: { name: 'AvailabilityState' }, type: 'Delta' as const, value: 1, severity };
    await withCustomMonitors(ctx, async (ids) => {
      const id = await ctx.step(`Memory State: harness sets a Delta monitor of severity ${severity} on EVSE AvailabilityState`, async () => {
        const result = resultFor(await setMonitors(ctx, [asked]), asked);
        if (result?.id !== undefined) ids.push(result.id);
        checkMonitorResult(ctx, 'setMonitoringResult', result, asked, ['Accepted']);
        return result?.id;
      });
      const offline = await connectionClosed(ctx, 'Manual action: take the station offline (the harness closes the connection and refuses reconnects)');
      try {
        await ctx.step('1-2. Manual action: plug a cable in at the configured EVSE; the station queues the event', () => ctx.perform({ kind: 'plugIn', side: 'both', evseId, connectorId }));
        await ctx.step(`The harness waits ${transactionDuration} s (<Configured Transaction Duration>, Part 6)`, () => new Promise<void>((resolve) => setTimeout(resolve, transactionDuration * 1000)));
        const event = ctx.csms.expect('NotifyEvent', { where: (c) => c.payload.eventData.some((e) => e.variableMonitoringId === id), acrossReconnect: true, timeoutMs: ctx.config.timeouts.connectMs + ctx.config.timeouts.messageMs, description: `the queued NotifyEventRequest of monitor ${id}` });
        event.catch(() => undefined);
        await offline.reconnect('Manual action: bring the station back online (the harness takes the next connection)');
        await ctx.step('3-4. station sends the queued NotifyEventRequest', async () => {
          const call = await event;
          call.respond({});
          const e = call.payload.eventData.find((x) => x.variableMonitoringId === id);
          ctx.check.equal('eventData.trigger', e?.trigger, 'Delta');
          ctx.check.equal('eventData.actualValue', e?.actualValue, 'Occupied');
          ctx.check.equal('eventData.component.name', e?.component.name, 'EVSE');
          ctx.check.equal('eventData.component.evse.id', e?.component.evse?.id, evseId);
          ctx.check.equal('eventData.variable.name', e?.variable.name, 'AvailabilityState');
        });
      } finally {
        await ctx.step('Afterwards: unplug the cable again (clean-up)', () => ctx.perform({ kind: 'unplug', side: 'both', evseId, connectorId })).catch(() => undefined);
      }
    });
  },
});
