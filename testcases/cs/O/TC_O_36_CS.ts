/** TC_O_36_CS: a message for state Charging is kept through a whole session and reported with its state afterwards. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, displayMessagesRequested, reportedMessage, setDisplayMessage, wholeSession, withSession } from '../states';

export default defineTestCase({
  id: 'TC_O_36_CS',
  name: 'Set Display Message - State Charging',
  sut: 'CS',
  useCases: ['O01'],
  requirements: [],
  detects: ['displayMessages.stateDropped', 'displayMessages.removedAfterState'],
  notes:
    'Whether the message is shown only while charging is not observable over OCPP (no driver action reads the display); the harness ' +
    'checks the station still holds it, with state Charging, after the session. Part 6 writes "tbc at step 15"; it means step 13.',
  async run(ctx) {
    const message = configuredMessage(ctx, { state: 'Charging' });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for message ${message.id} with state Charging, station accepts`, message);
    await withSession(ctx, (session) => wholeSession(session, 3));
    const report = await displayMessagesRequested(ctx, { id: [message.id] }, { request: `11-12. harness asks for message ${message.id}; the station accepts`, notify: '13-14. station reports it until tbc is false' });
    await ctx.step('Step 13: the message keeps state Charging', () => ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.state', reportedMessage(ctx, report, message.id)?.state, 'Charging'));
  },
});
