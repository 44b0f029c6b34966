/** TC_N_52_CS: a threshold monitor cleared while exceeded is gone, and no event (not even a cleared one) comes for it afterwards. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { EventDataType } from '../../../src/ocpp/generated/definitions';
import { authorized, energyTransferStarted, evConnectedPreSession, stopAuthorized, withSession } from '../states';
import type { SessionCall } from '../states/monitor';
import { checkMonitorResult, monitoringReport, resultFor, setMonitors, thresholdComponent, withCustomMonitors } from '../states/monitoring';

export default defineTestCase({
  id: 'TC_N_52_CS',
  name: 'Set Variable Monitoring - Removing a VariableMonitor',
  sut: 'CS',
  useCases: ['N07'],
  requirements: ['N07.FR.12'],
  detects: ['monitoring.clearNotApplied'],
  notes:
    'Follows errata 2025-02 (6.2.108): an UpperThreshold of 0 on <Configured threshold monitor component variable> (<Configured severity>), ' +
    'exceeded by EnergyTransferStarted. After clearing it, the threshold report of the variable must be empty; then StopAuthorized brings the ' +
    'value back within the old threshold, and within the message timeout no NotifyEventRequest may name the cleared monitor (step 6).',
  async run(ctx) {
    const target = thresholdComponent(ctx);
    const severity = ctx.config.configured.monitorSeverity;
    const names = (c: SessionCall, id: number | undefined) => c.action === 'NotifyEvent' && (c.payload as { eventData: EventDataType[] }).eventData.some((e) => e.variableMonitoringId === id);
    await withCustomMonitors(ctx, async (ids) => {
      const upper = { ...target, type: 'UpperThreshold' as const, value: 0, severity };
      const id = await ctx.step('Memory State: harness sets an UpperThreshold of 0', async () => {
        const result = resultFor(await setMonitors(ctx, [upper]), upper);
        if (result?.id !== undefined) ids.push(result.id);
        checkMonitorResult(ctx, 'setMonitoringResult', result, upper, ['Accepted']);
        return result?.id;
      });
      await withSession(ctx, async (session) => {
        await ctx.step('Before: Authorized, EVConnectedPreSession, then energy flows and exceeds the threshold (EnergyTransferStarted)', async () => {
          await authorized(session);
          await evConnectedPreSession(session);
          await energyTransferStarted(session);
          await session.monitor.next(`the NotifyEventRequest of monitor ${id}`, (c) => names(c, id));
        });
        await ctx.step(`1-2. harness clears monitor ${id}; the station accepts`, async () => {
          const response = await ctx.csms.call('ClearVariableMonitoring', { id: [id as number] });
          ctx.check.equal('clearMonitoringResult[0].status', response.clearMonitoringResult[0]?.status, 'Accepted');
          ctx.check.equal('clearMonitoringResult[0].id', response.clearMonitoringResult[0]?.id, id);
        });
        await monitoringReport(ctx, { monitoringCriteria: ['ThresholdMonitoring'], componentVariable: [target] }, { request: '3-4. harness asks for the threshold monitors of the variable: EmptyResultSet' }, 'EmptyResultSet');
        await ctx.step('5. energy stops (StopAuthorized): the value returns within the old threshold', () => stopAuthorized(session));
        await ctx.step(`6. no NotifyEventRequest for monitor ${id} within the message timeout`, async () => {
          const late = await session.monitor.next(`a NotifyEventRequest for the cleared monitor ${id}`, (c) => names(c, id)).catch(() => undefined);
          ctx.check.that(`NotifyEventRequest naming monitor ${id}`, late === undefined, 'none', late ? JSON.stringify(late.payload) : 'none');
        });
      });
    });
  },
});
