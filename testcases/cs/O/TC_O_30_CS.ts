/** TC_O_30_CS: two InFront messages of the ongoing transaction are both kept and reported, and both go when it ends. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { MessageInfoType } from '../../../src/ocpp/generated/definitions';
import { chargingBefore, configuredMessage, displayMessagesRequested, openTransactionId, reportedMessage, sessionEndedInTurn, setDisplayMessage, withSession, type DisplayMessagesReport } from '../states';

/** Step 7 / 11: the reported message is the transaction's InFront message as set. */
function checkReported(ctx: CsCaseContext, report: DisplayMessagesReport, message: MessageInfoType): void {
  const found = reportedMessage(ctx, report, message.id);
  ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.transactionId', found?.transactionId, message.transactionId);
  ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.priority', found?.priority, 'InFront');
  ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.message.content', found?.message.content, message.message.content);
}

export default defineTestCase({
  id: 'TC_O_30_CS',
  name: 'Set Display Message - Specific transaction - Multiple In front priority',
  sut: 'CS',
  useCases: ['O02'],
  requirements: ['O02.FR.16'],
  detects: ['displayMessages.inFrontReplaces', 'displayMessages.keptAfterTransaction'],
  applicable: (config) => (config.configured.displayMessage.unsupportedPriorities.includes('InFront') ? 'the station does not support priority InFront (Part 5 UI-1.2)' : undefined),
  notes: 'The second message has the configured content with " 2" appended, as step 11 validates. That both are cycled is not observable over OCPP; the harness checks the station holds both.',
  async run(ctx) {
    const { content } = ctx.config.configured.displayMessage;
    await withSession(ctx, async (session) => {
      await chargingBefore(session);
      const transactionId = openTransactionId(session);
      const first = configuredMessage(ctx, { transactionId, priority: 'InFront' });
      const second = configuredMessage(ctx, { transactionId, priority: 'InFront', content: `${content} 2` });
      await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for InFront message ${first.id} of transaction ${transactionId}, station accepts`, first);
      await setDisplayMessage(ctx, `3-4. harness sends SetDisplayMessageRequest for a second InFront message ${second.id} of the transaction, station accepts`, second);
      const firstReport = await displayMessagesRequested(ctx, { id: [first.id] }, { request: `5-6. harness asks for message ${first.id}; the station accepts`, notify: '7-8. station reports it with the requestId' });
      await ctx.step('Step 7: the first message as set', () => checkReported(ctx, firstReport, first));
      const secondReport = await displayMessagesRequested(ctx, { id: [second.id] }, { request: `9-10. harness asks for message ${second.id}; the station accepts`, notify: '11-12. station reports it with the requestId' });
      await ctx.step('Step 11: the second message as set', () => checkReported(ctx, secondReport, second));
      await sessionEndedInTurn(session, transactionId, 13);
      await displayMessagesRequested(ctx, { id: [first.id] }, { request: `17-18. harness asks for message ${first.id}; it went with its transaction (Unknown)` }, 'Unknown');
      await displayMessagesRequested(ctx, { id: [second.id] }, { request: `19-20. harness asks for message ${second.id}; it went with its transaction (Unknown)` }, 'Unknown');
    });
  },
});
