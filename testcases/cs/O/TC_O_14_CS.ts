/** TC_O_14_CS: a message with an endDateTime is reported with it, and is gone once that time has passed. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, displayMessagesRequested, reportedMessage, setDisplayMessage, waitUntil } from '../states';

export default defineTestCase({
  id: 'TC_O_14_CS',
  name: 'Set Display Message - Remove message after EndTime',
  sut: 'CS',
  useCases: ['O01'],
  requirements: ['O01.FR.07'],
  detects: ['displayMessages.endTimeIgnored', 'displayMessages.noNotify'],
  notes: 'endDateTime is now + <Configured End Date Time Offset> (errata 2025-09 6.2.111; Part 6: 60 s); the wait adds 1 s for the station clock.',
  async run(ctx) {
    const { endOffsetSeconds } = ctx.config.configured.displayMessage;
    const endAt = Date.now() + endOffsetSeconds * 1000;
    const message = configuredMessage(ctx, { endDateTime: new Date(endAt).toISOString() });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for message ${message.id} ending in ${endOffsetSeconds} s, station accepts`, message);
    const report = await displayMessagesRequested(ctx, { id: [message.id] }, { request: `3-4. harness asks for message ${message.id}; the station accepts`, notify: '5-6. station reports it until tbc is false' });
    await ctx.step('Step 5: the reported message keeps its endDateTime', () => {
      const found = reportedMessage(ctx, report, message.id);
      ctx.check.that('NotifyDisplayMessagesRequest.messageInfo.endDateTime', found?.endDateTime !== undefined, 'not omitted', found?.endDateTime ?? '(omitted)');
    });
    await waitUntil(ctx, `Wait until <Configured End Date Time Offset> (${endOffsetSeconds} s) has passed`, endAt);
    await displayMessagesRequested(ctx, { id: [message.id] }, { request: `7-8. harness asks for message ${message.id} again; it was removed at its endDateTime (Unknown)` }, 'Unknown');
  },
});
