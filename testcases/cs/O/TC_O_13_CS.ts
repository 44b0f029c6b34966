/** TC_O_13_CS: a message with a startDateTime ahead is accepted and reported with that startDateTime. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, displayMessagesRequested, reportedMessage, setDisplayMessage, waitUntil } from '../states';

export default defineTestCase({
  id: 'TC_O_13_CS',
  name: 'Set Display Message - Display message at StartTime',
  sut: 'CS',
  useCases: ['O01'],
  requirements: ['O01.FR.06'],
  detects: ['displayMessages.startTimeDropped', 'displayMessages.noNotify'],
  notes:
    'startDateTime is now + <Configured Start Date Time Offset> (errata 2025-09 6.2.111; Part 6: 60 s). That the message appears only then is ' +
    'not observable over OCPP: the harness checks the station keeps the startDateTime (step 5) and waits the offset out as Part 6 says.',
  async run(ctx) {
    const { startOffsetSeconds } = ctx.config.configured.displayMessage;
    const startAt = Date.now() + startOffsetSeconds * 1000;
    const message = configuredMessage(ctx, { startDateTime: new Date(startAt).toISOString() });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for message ${message.id} starting in ${startOffsetSeconds} s, station accepts`, message);
    const report = await displayMessagesRequested(ctx, { id: [message.id] }, { request: `3-4. harness asks for message ${message.id}; the station accepts`, notify: '5-6. station reports it until tbc is false' });
    await ctx.step('Step 5: the reported message keeps its startDateTime', () => {
      const found = reportedMessage(ctx, report, message.id);
      ctx.check.that('NotifyDisplayMessagesRequest.messageInfo.startDateTime', found?.startDateTime !== undefined, 'not omitted', found?.startDateTime ?? '(omitted)');
    });
    await waitUntil(ctx, `Wait until <Configured Start Date Time Offset> (${startOffsetSeconds} s) has passed: the message is shown from then on`, startAt);
  },
});
