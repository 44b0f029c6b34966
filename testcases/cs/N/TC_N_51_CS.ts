/** TC_N_51_CS: lowering an UpperThreshold below the current value triggers it at once. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { EventDataType } from '../../../src/ocpp/generated/definitions';
import { authorized, energyTransferStarted, evConnectedPreSession, withSession } from '../states';
import type { SessionCall } from '../states/monitor';
import { checkMonitorResult, monitoringBaseAndLevel, resultFor, setMonitors, thresholdComponent, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_51_CS',
  name: 'Set Variable Monitoring - Replace Variable Monitor',
  sut: 'CS',
  useCases: ['N07'],
  requirements: ['N07.FR.11'],
  detects: ['monitoring.noCheckOnChange'],
  notes:
    'Follows errata 2025-02 (6.2.107): an UpperThreshold of severity 5 that charging does not reach (<Configured threshold monitor component ' +
    'variable UpperThreshold non-trigger value>, configured.thresholdMonitor.nonTrigger, default 21999: EVSE Power maxLimit - 1), level 8, ' +
    'then EnergyTransferStarted; the harness sets the same monitor id to <Configured threshold monitor value2> (0), which the flowing power ' +
    'exceeds, and the station must report it. Monitors cleared, level 9 set again afterwards.',
  async run(ctx) {
    const target = thresholdComponent(ctx);
    const eventsOf = (c: SessionCall): EventDataType[] => (c.action === 'NotifyEvent' ? (c.payload as { eventData: EventDataType[] }).eventData : []);
    await withCustomMonitors(
      ctx,
      async (ids) => {
        await monitoringBaseAndLevel(ctx, 8);
        const high = { ...target, type: 'UpperThreshold' as const, value: ctx.config.configured.thresholdMonitor.nonTrigger, severity: 5 };
        const id = await ctx.step(`Memory State: harness sets an UpperThreshold of ${high.value} (not reached while charging)`, async () => {
          const result = resultFor(await setMonitors(ctx, [high]), high);
          if (result?.id !== undefined) ids.push(result.id);
          checkMonitorResult(ctx, 'setMonitoringResult', result, high, ['Accepted']);
          return result?.id;
        });
        await withSession(ctx, async (session) => {
          await ctx.step('1. Before: Authorized, EVConnectedPreSession, then energy flows (EnergyTransferStarted)', async () => {
            await authorized(session);
            await evConnectedPreSession(session);
            await energyTransferStarted(session);
          });
          const low = { ...target, id, type: 'UpperThreshold' as const, value: 0, severity: 5 };
          await ctx.step(`2-3. harness sets monitor ${id} to an UpperThreshold of 0; the station accepts`, async () => {
            checkMonitorResult(ctx, 'setMonitoringResult', resultFor(await setMonitors(ctx, [low]), low), low, ['Accepted']);
          });
          await ctx.step('4-5. station reports the value above the new threshold at once', async () => {
            const call = await session.monitor.next(`a NotifyEventRequest for monitor ${id}`, (c) => eventsOf(c).some((e) => e.variableMonitoringId === id));
            const e = eventsOf(call).find((x) => x.variableMonitoringId === id);
            ctx.check.equal('eventData.trigger', e?.trigger, 'Alerting');
            ctx.check.that('eventData.actualValue', e !== undefined && Number(e.actualValue) > 0 && Number(e.actualValue) <= high.value, `above 0 (the new threshold) and not above ${high.value}`, String(e?.actualValue));
          });
        });
      },
      { level: true },
    );
  },
});
