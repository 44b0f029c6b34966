/** TC_N_45_CS: a station reports a numeric value that changed by more than a Delta monitor's value. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { EventDataType } from '../../../src/ocpp/generated/definitions';
import { authorized, energyTransferStarted, evConnectedPreSession, withSession } from '../states';
import type { SessionCall } from '../states/monitor';
import { checkMonitorResult, monitoringBaseAndLevel, resultFor, setMonitors, thresholdComponent, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_45_CS',
  name: 'Alert Event - Delta value exceeded',
  sut: 'CS',
  useCases: ['N07'],
  requirements: ['N07.FR.06', 'N07.FR.07', 'N07.FR.18', 'N07.FR.19'],
  detects: ['monitoring.deltaAsAlerting', 'monitoring.setNotStored'],
  notes:
    'Follows errata 2025-02 (6.2.106): a Delta monitor of <Configured threshold monitor value> (configured.thresholdMonitor.upper, default 100) ' +
    'on <Configured numeric delta component variable> (configured.thresholdMonitor, default EVSE.Power) with severity 5, monitoring level 8; ' +
    'EnergyTransferStarted changes the value by more than that. The monitor is cleared and level 9 set again afterwards (clean-up).',
  async run(ctx) {
    const target = thresholdComponent(ctx);
    const delta = { ...target, type: 'Delta' as const, value: ctx.config.configured.thresholdMonitor.upper, severity: 5 };
    const eventsOf = (c: SessionCall): EventDataType[] => (c.action === 'NotifyEvent' ? (c.payload as { eventData: EventDataType[] }).eventData : []);
    await withCustomMonitors(
      ctx,
      async (ids) => {
        await monitoringBaseAndLevel(ctx, 8);
        const id = await ctx.step('Memory State: harness sets the Delta monitor', async () => {
          const result = resultFor(await setMonitors(ctx, [delta]), delta);
          if (result?.id !== undefined) ids.push(result.id);
          checkMonitorResult(ctx, 'setMonitoringResult', result, delta, ['Accepted']);
          return result?.id;
        });
        await withSession(ctx, async (session) => {
          await ctx.step('1. Before: Authorized, EVConnectedPreSession, then energy flows (EnergyTransferStarted)', async () => {
            await authorized(session);
            await evConnectedPreSession(session);
            await energyTransferStarted(session);
          });
          await ctx.step('2-3. station sends NotifyEventRequest for the Delta monitor', async () => {
            const call = await session.monitor.next('a NotifyEventRequest for the Delta monitor', (c) => eventsOf(c).some((e) => e.variableMonitoringId === id));
            const e = eventsOf(call).find((x) => x.variableMonitoringId === id);
            ctx.check.equal('eventData.trigger', e?.trigger, 'Delta');
            ctx.check.equal('eventData.component.name', e?.component.name, target.component.name);
            if (target.component.evse) ctx.check.equal('eventData.component.evse.id', e?.component.evse?.id, target.component.evse.id);
            ctx.check.equal('eventData.variable.name', e?.variable.name, target.variable.name);
            ctx.check.equal('eventData.variableMonitoringId', e?.variableMonitoringId, id);
          });
        });
      },
      { level: true },
    );
  },
});
