/** TC_N_24_CS: a Periodic monitor makes the station report the variable at every period. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { EventDataType } from '../../../src/ocpp/generated/definitions';
import { checkMonitorResult, monitoringBaseAndLevel, resultFor, setMonitors, thresholdComponent, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_24_CS',
  name: 'Set Variable Monitoring - Periodic event',
  sut: 'CS',
  useCases: ['N04', 'N08'],
  requirements: ['N04.FR.01', 'N04.FR.08', 'N08.FR.05', 'N08.FR.06'],
  detects: ['monitoring.setNotStored', 'monitoring.periodDoubled'],
  notes:
    'Follows errata 2024-09 (6.2.91) and 2025-02 (6.2.95): monitoring level 8, a Periodic monitor of <Configured Clock Aligned MeterValues ' +
    'Interval> seconds (configured.alignedDataInterval) and severity 5 on <Configured threshold monitor component variable>. The harness takes two ' +
    'events and checks they come one period apart (tolerance 10 % or 500 ms, whichever is larger). The monitor is cleared and level 9 set again afterwards.',
  async run(ctx) {
    const interval = ctx.config.configured.alignedDataInterval;
    const target = thresholdComponent(ctx);
    const periodic = { ...target, type: 'Periodic' as const, value: interval, severity: 5 };
    await withCustomMonitors(
      ctx,
      async (ids) => {
        await monitoringBaseAndLevel(ctx, 8);
        const id = await ctx.step(`1-2. harness sets a Periodic monitor of ${interval} s; the station accepts`, async () => {
          const result = resultFor(await setMonitors(ctx, [periodic]), periodic);
          if (result?.id !== undefined) ids.push(result.id);
          checkMonitorResult(ctx, 'setMonitoringResult', result, periodic, ['Accepted']);
          return result?.id;
        });
        const periodEvent = async (n: number): Promise<{ at: number; event: EventDataType | undefined }> => {
          const call = await ctx.csms.expect('NotifyEvent', { where: (c) => c.payload.eventData.some((e) => e.variableMonitoringId === id), timeoutMs: interval * 2000 + ctx.config.timeouts.messageMs, description: `periodic NotifyEventRequest ${n}` });
          call.respond({});
          return { at: Date.now(), event: call.payload.eventData.find((e) => e.variableMonitoringId === id) };
        };
        const check = (label: string, e: EventDataType | undefined) => {
          ctx.check.equal(`${label}.trigger`, e?.trigger, 'Periodic');
          ctx.check.equal(`${label}.component.name`, e?.component.name, target.component.name);
          if (target.component.evse) ctx.check.equal(`${label}.component.evse.id`, e?.component.evse?.id, target.component.evse.id);
          ctx.check.equal(`${label}.variable.name`, e?.variable.name, target.variable.name);
        };
        const first = await ctx.step('3-4. station sends the first periodic NotifyEventRequest', async () => {
          const got = await periodEvent(1);
          check('eventData', got.event);
          return got;
        });
        await ctx.step(`3-4 (again). station sends the next one a period (${interval} s, Part 6) later`, async () => {
          const second = await periodEvent(2);
          check('eventData', second.event);
          const gap = second.at - first.at;
          const tolerance = Math.max(500, interval * 100);
          ctx.check.that('time between two periodic events', Math.abs(gap - interval * 1000) <= tolerance, `${interval * 1000} ms ± ${tolerance} ms`, `${gap} ms`);
        });
      },
      { level: true },
    );
  },
});
