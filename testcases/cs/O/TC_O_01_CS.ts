/** TC_O_01_CS: a NormalCycle message set by the CSMS is accepted and reported back as it was set. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, displayMessagesRequested, reportedMessage, setDisplayMessage } from '../states';

export default defineTestCase({
  id: 'TC_O_01_CS',
  name: 'Set Display Message - Success',
  sut: 'CS',
  useCases: ['O01'],
  requirements: ['O01.FR.12'],
  detects: ['displayMessages.notStored', 'displayMessages.noNotify', 'displayMessages.notifyWrongRequestId'],
  notes:
    'The message carries <Configured priority>, format and content, and message.display when configured (errata 2025-09 6.2.111). ' +
    'Whether it is shown as configured is not observable over OCPP; the harness reads it back with GetDisplayMessages as steps 3-6 do.',
  async run(ctx) {
    const message = configuredMessage(ctx);
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for message ${message.id} (${message.priority}), station accepts`, message);
    const report = await displayMessagesRequested(ctx, { id: [message.id] }, { request: `3-4. harness asks for message ${message.id}; the station accepts`, notify: '5-6. station reports the message with the requestId' });
    await ctx.step('Step 5: the reported message is the one set', () => {
      const found = reportedMessage(ctx, report, message.id);
      ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.priority', found?.priority, message.priority);
      ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.message.format', found?.message.format, message.message.format);
      ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.message.content', found?.message.content, message.message.content);
    });
  },
});
