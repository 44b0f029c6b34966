/** TC_N_21_CS: a notification built into the station's firmware is reported as HardWiredNotification. */
import { defineTestCase } from '../../../src/engine/testcase';

export default defineTestCase({
  id: 'TC_N_21_CS',
  name: 'Alert Event - Caused by hardwired trigger',
  sut: 'CS',
  useCases: ['N07'],
  requirements: [],
  detects: ['monitoring.hardwiredAsCustom'],
  notes:
    'The tester chooses the hard-wired notification and triggers it (driver action hardwiredNotification; the reference station reports its ' +
    'enclosure opened). Any eventData element with eventNotificationType HardWiredNotification passes.',
  async run(ctx) {
    const arrived = ctx.csms.expect('NotifyEvent', { where: (c) => c.payload.eventData.some((e) => e.eventNotificationType === 'HardWiredNotification'), timeoutMs: ctx.config.timeouts.operatorMs + ctx.config.timeouts.messageMs, description: 'a NotifyEventRequest with a HardWiredNotification' });
    arrived.catch(() => undefined);
    await ctx.step('Manual action: the tester triggers a hard-wired notification', () => ctx.perform({ kind: 'hardwiredNotification' }));
    await ctx.step('1-2. station sends NotifyEventRequest with a HardWiredNotification', async () => {
      const call = await arrived;
      call.respond({});
      ctx.check.equal('NotifyEventRequest.seqNo', call.payload.seqNo, 0);
      ctx.check.that('NotifyEventRequest.generatedAt', !Number.isNaN(Date.parse(call.payload.generatedAt)), 'a timestamp of the station', call.payload.generatedAt);
      ctx.check.that('eventData.eventNotificationType', call.payload.eventData.some((e) => e.eventNotificationType === 'HardWiredNotification'), 'HardWiredNotification', call.payload.eventData.map((e) => e.eventNotificationType).join(', '));
    });
  },
});
