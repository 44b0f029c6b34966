/** TC_O_32_CS: a second AlwaysFront message of the transaction replaces the first, and goes itself when the transaction ends. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingBefore, configuredMessage, displayMessagesRequested, openTransactionId, reportedMessage, sessionEndedInTurn, setDisplayMessage, withSession } from '../states';

export default defineTestCase({
  id: 'TC_O_32_CS',
  name: 'Set Display Message - Specific transaction - Second Alwaysfront priority',
  sut: 'CS',
  useCases: ['O02'],
  requirements: ['O02.FR.18'],
  detects: ['displayMessages.alwaysFrontKept', 'displayMessages.keptAfterTransaction'],
  applicable: (config) => (config.configured.displayMessage.unsupportedPriorities.includes('AlwaysFront') ? 'the station does not support priority AlwaysFront (Part 5 UI-1.1)' : undefined),
  notes:
    'Errata 2025-02 6.2.114: the first message is replaced by the second. Steps 7 and 15 ask for the second message, whose content (the configured ' +
    'one with " 2") step 9 validates; the errata text names the first id there, which step 6 already found gone. <Configured displayMessage2Id> is a fresh id.',
  async run(ctx) {
    const { content } = ctx.config.configured.displayMessage;
    await withSession(ctx, async (session) => {
      await chargingBefore(session);
      const transactionId = openTransactionId(session);
      const first = configuredMessage(ctx, { transactionId, priority: 'AlwaysFront' });
      const second = configuredMessage(ctx, { transactionId, priority: 'AlwaysFront', content: `${content} 2` });
      await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for AlwaysFront message ${first.id} of transaction ${transactionId}, station accepts`, first);
      await setDisplayMessage(ctx, `3-4. harness sends SetDisplayMessageRequest for a second AlwaysFront message ${second.id} of the transaction, station accepts`, second);
      await displayMessagesRequested(ctx, { id: [first.id] }, { request: `5-6. harness asks for the first message ${first.id}; it was replaced (Unknown)` }, 'Unknown');
      const report = await displayMessagesRequested(ctx, { id: [second.id] }, { request: `7-8. harness asks for message ${second.id}; the station accepts`, notify: '9-10. station reports it with the requestId' });
      await ctx.step('Step 9: the second message as set', () => {
        const found = reportedMessage(ctx, report, second.id);
        ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.transactionId', found?.transactionId, transactionId);
        ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.priority', found?.priority, 'AlwaysFront');
        ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.message.content', found?.message.content, second.message.content);
      });
      await sessionEndedInTurn(session, transactionId, 11);
      await displayMessagesRequested(ctx, { id: [second.id] }, { request: `15-16. harness asks for message ${second.id}; it went with its transaction (Unknown)` }, 'Unknown');
    });
  },
});
