/** TC_O_20_CS: a display message survives a power cycle and is reported as set afterwards. */
import { defineTestCase } from '../../../src/engine/testcase';
import { booted, configuredMessage, displayMessagesRequested, reportedMessage, setDisplayMessage } from '../states';

export default defineTestCase({
  id: 'TC_O_20_CS',
  name: 'Set Display Message - Persistent over reboot',
  sut: 'CS',
  useCases: ['O01'],
  requirements: ['O01.FR.10'],
  detects: ['displayMessages.notPersistent', 'displayMessages.noNotify'],
  notes: 'Booted is entered with a power cycle (driver action reboot), as O01.FR.10 names a power cycle or reboot.',
  async run(ctx) {
    const message = configuredMessage(ctx);
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for message ${message.id}, station accepts`, message);
    await ctx.step('3. Reusable State Booted', () => booted(ctx, 'powerCycle'));
    const report = await displayMessagesRequested(ctx, { id: [message.id] }, { request: `4-5. harness asks for message ${message.id}; the station accepts`, notify: '6-7. station reports it with the requestId' });
    await ctx.step('Step 6: the reported message is the one set before the reboot', () => {
      const found = reportedMessage(ctx, report, message.id);
      ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.priority', found?.priority, message.priority);
      ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.message.format', found?.message.format, message.message.format);
      ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.message.content', found?.message.content, message.message.content);
    });
  },
});
