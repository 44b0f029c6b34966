/** TC_N_20_CS: a station reports a value crossing an upper threshold while charging, and when charging stops the threshold clearing and a lower threshold crossed. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { EventDataType } from '../../../src/ocpp/generated/definitions';
import { authorized, energyTransferStarted, evConnectedPreSession, stopAuthorized, withSession } from '../states';
import type { SessionCall } from '../states/monitor';
import { checkMonitorResult, monitoringBaseAndLevel, resultFor, setMonitors, thresholdComponent, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_20_CS',
  name: 'Alert Event - Threshold value exceeded',
  sut: 'CS',
  useCases: ['N07'],
  requirements: ['N07.FR.06', 'N07.FR.07', 'N07.FR.16', 'N07.FR.17', 'N07.FR.02'],
  detects: ['monitoring.noClearedEvent', 'monitoring.noTransactionId', 'monitoring.setNotStored'],
  notes:
    'Follows errata 2025-02 (6.2.89): monitoring base All, level 8, an UpperThreshold of <Configured threshold monitor value> ' +
    '(configured.thresholdMonitor.upper, default 100 on EVSE.Power) with <Configured severity>; EnergyTransferStarted exceeds it. The ' +
    'LowerThreshold is <Configured threshold monitor2 value> (thresholdMonitor.lower). transactionId is checked against the session\'s ' +
    'transaction. The monitors are cleared and level 9 set again afterwards (clean-up).',
  async run(ctx) {
    const { monitorSeverity: severity, thresholdMonitor } = ctx.config.configured;
    const target = thresholdComponent(ctx);
    const named = (e: EventDataType, id: number | undefined) => e.variableMonitoringId === id && e.component.name === target.component.name && e.variable.name === target.variable.name;
    const eventsOf = (c: SessionCall): EventDataType[] => (c.action === 'NotifyEvent' ? (c.payload as { eventData: EventDataType[] }).eventData : []);
    await withCustomMonitors(
      ctx,
      async (ids) => {
        await monitoringBaseAndLevel(ctx, 8);
        const upper = { ...target, type: 'UpperThreshold' as const, value: thresholdMonitor.upper, severity };
        const upperId = await ctx.step('Memory State: harness sets the UpperThreshold monitor', async () => {
          const result = resultFor(await setMonitors(ctx, [upper]), upper);
          if (result?.id !== undefined) ids.push(result.id);
          checkMonitorResult(ctx, 'setMonitoringResult', result, upper, ['Accepted']);
          return result?.id;
        });
        await withSession(ctx, async (session) => {
          const { monitor, check } = { monitor: session.monitor, check: ctx.check };
          await ctx.step('1. Before: Authorized, EVConnectedPreSession, then energy flows (EnergyTransferStarted)', async () => {
            await authorized(session);
            await evConnectedPreSession(session);
            await energyTransferStarted(session);
          });
          const checkEvent = (label: string, e: EventDataType | undefined, id: number | undefined, expect: { cleared: boolean; value: (v: number) => boolean; valueText: string }) => {
            check.equal(`${label}.trigger`, e?.trigger, 'Alerting');
            check.equal(`${label}.variableMonitoringId`, e?.variableMonitoringId, id);
            check.that(`${label}.actualValue`, e !== undefined && expect.value(Number(e.actualValue)), expect.valueText, String(e?.actualValue));
            if (expect.cleared) check.equal(`${label}.cleared`, e?.cleared, true);
            else check.notEqual(`${label}.cleared`, e?.cleared, true);
            check.equal(`${label}.component.name`, e?.component.name, target.component.name);
            if (target.component.evse) check.equal(`${label}.component.evse.id`, e?.component.evse?.id, target.component.evse.id);
            check.equal(`${label}.variable.name`, e?.variable.name, target.variable.name);
            if (session.transactionId) check.equal(`${label}.transactionId`, e?.transactionId, session.transactionId);
          };
          await ctx.step('2-3. station sends NotifyEventRequest: the value exceeds the upper threshold', async () => {
            const call = await monitor.next('a NotifyEventRequest for the upper threshold', (c) => eventsOf(c).some((e) => named(e, upperId)));
            check.equal('NotifyEventRequest.seqNo', (call.payload as { seqNo: number }).seqNo, 0);
            checkEvent('eventData (upper threshold)', eventsOf(call).find((e) => named(e, upperId)), upperId, { cleared: false, value: (v) => v > thresholdMonitor.upper, valueText: `above ${thresholdMonitor.upper}` });
          });
          const lower = { ...target, type: 'LowerThreshold' as const, value: thresholdMonitor.lower, severity };
          const lowerId = await ctx.step('4-5. harness sets a LowerThreshold monitor; the station accepts', async () => {
            const result = resultFor(await setMonitors(ctx, [lower]), lower);
            if (result?.id !== undefined) ids.push(result.id);
            check.equal('setMonitoringResult.status', result?.status, 'Accepted');
            return result?.id;
          });
          await ctx.step('6. energy stops (StopAuthorized)', () => stopAuthorized(session));
          await ctx.step('7-8. station reports the upper threshold cleared and the lower threshold crossed', async () => {
            const seen: EventDataType[] = [];
            while (!seen.some((e) => named(e, upperId)) || !seen.some((e) => named(e, lowerId))) {
              const call = await monitor.next('a NotifyEventRequest for the thresholds', (c) => eventsOf(c).some((e) => named(e, upperId) || named(e, lowerId)));
              check.equal('NotifyEventRequest.seqNo', (call.payload as { seqNo: number }).seqNo, 0);
              seen.push(...eventsOf(call));
            }
            checkEvent('eventData (upper threshold cleared)', seen.find((e) => named(e, upperId)), upperId, { cleared: true, value: (v) => v <= thresholdMonitor.upper, valueText: `at most ${thresholdMonitor.upper}` });
            checkEvent('eventData (lower threshold)', seen.find((e) => named(e, lowerId)), lowerId, { cleared: false, value: (v) => v < thresholdMonitor.lower, valueText: `below ${thresholdMonitor.lower}` });
            for (const e of seen.filter((x) => named(x, upperId) || named(x, lowerId))) check.equal(`eventData ${e.eventId}.eventNotificationType`, e.eventNotificationType, 'CustomMonitor');
          });
        });
      },
      { level: true },
    );
  },
});
