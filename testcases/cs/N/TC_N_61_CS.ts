/** TC_N_61_CS: a Delta monitor on a number reports only a change larger than its value. */
import { defineTestCase } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import { checkMonitorResult, resultFor, setMonitors, withCustomMonitors } from '../states/monitoring';

const THRESHOLD = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } };

export default defineTestCase({
  id: 'TC_N_61_CS',
  name: 'Alert Event - Variable monitoring on numeric',
  sut: 'CS',
  useCases: ['N07'],
  requirements: ['N07.FR.18'],
  detects: ['monitoring.deltaNotStrict'],
  notes:
    'Memory state: a Delta monitor of value 1 (<Configured severity>) on OCPPCommCtrlr.OfflineThreshold (Part 6 names no value; 1 makes the ' +
    'first change of +1 stay within it and the second, +2 in all, exceed it, as N07.FR.18 reads "more than"). After the first change the harness ' +
    'waits the message timeout for an event that must not come. OfflineThreshold is set back afterwards, and the monitor cleared.',
  async run(ctx) {
    const severity = ctx.config.configured.monitorSeverity;
    const read = await ctx.step('Preparation: harness reads OCPPCommCtrlr.OfflineThreshold', async () => {
      const value = (await ctx.csms.call('GetVariables', { getVariableData: [THRESHOLD] })).getVariableResult[0]?.attributeValue;
      if (value === undefined || !Number.isFinite(Number(value))) throw inconclusive('OCPPCT_PRECONDITION', 'the station does not report a number for OCPPCommCtrlr.OfflineThreshold');
      return Number(value);
    });
    const set = async (value: number, label: string) => {
      const response = await ctx.csms.call('SetVariables', { setVariableData: [{ ...THRESHOLD, attributeValue: String(value) }] });
      ctx.check.oneOf(`${label} SetVariablesResponse.attributeStatus`, response.setVariableResult[0]?.attributeStatus, ['Accepted', 'RebootRequired']);
    };
    const delta = { ...THRESHOLD, type: 'Delta' as const, value: 1, severity };
    try {
      await withCustomMonitors(ctx, async (ids) => {
        const id = await ctx.step('Memory State: harness sets a Delta monitor of value 1 on OfflineThreshold', async () => {
          const result = resultFor(await setMonitors(ctx, [delta]), delta);
          if (result?.id !== undefined) ids.push(result.id);
          checkMonitorResult(ctx, 'setMonitoringResult', result, delta, ['Accepted']);
          return result?.id;
        });
        const named = (c: { payload: { eventData: { variableMonitoringId?: number }[] } }) => c.payload.eventData.some((e) => e.variableMonitoringId === id);
        await ctx.step(`1-2. harness sets OfflineThreshold to ${read + 1}; the station accepts`, () => set(read + 1, 'Step 2'));
        await ctx.step('3. no NotifyEventRequest for the monitor within the message timeout (the change stays within it)', async () => {
          const early = await ctx.csms.expect('NotifyEvent', { where: named, description: 'an early NotifyEventRequest' }).catch(() => undefined);
          ctx.check.that('NotifyEventRequest after a change of 1', early === undefined, 'none', early ? JSON.stringify(early.payload.eventData) : 'none');
        });
        const event = ctx.csms.expect('NotifyEvent', { where: named, description: `a NotifyEventRequest for monitor ${id}` });
        event.catch(() => undefined);
        await ctx.step(`4-5. harness sets OfflineThreshold to ${read + 2}; the station accepts`, () => set(read + 2, 'Step 5'));
        await ctx.step('7-8. station sends NotifyEventRequest with the new value', async () => {
          const call = await event;
          call.respond({});
          ctx.check.equal('eventData.actualValue', call.payload.eventData.find((e) => e.variableMonitoringId === id)?.actualValue, String(read + 2));
        });
      });
    } finally {
      await ctx.step('Afterwards: OfflineThreshold back to its value (clean-up)', () => ctx.csms.call('SetVariables', { setVariableData: [{ ...THRESHOLD, attributeValue: String(read) }] })).catch(() => undefined);
    }
  },
});
