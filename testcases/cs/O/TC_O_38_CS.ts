/** TC_O_38_CS: a message for state Unavailable is kept while the station goes Unavailable and back, and reported with its state. */
import { defineTestCase } from '../../../src/engine/testcase';
import { availabilityRequested, configuredMessage, connectorsOf, connectorsReported, displayMessagesRequested, reportedMessage, setDisplayMessage, unavailable, withAvailabilityRestored } from '../states';

export default defineTestCase({
  id: 'TC_O_38_CS',
  name: 'Set Display Message - State Unavailable',
  sut: 'CS',
  useCases: ['O01'],
  requirements: [],
  detects: ['displayMessages.stateDropped', 'displayMessages.removedAfterState'],
  notes:
    'Reusable State Unavailable and the Operative request of step 4 are for the whole station. Whether the message is shown only while ' +
    'Unavailable is not observable over OCPP; the harness checks the station still holds it, with state Unavailable, afterwards.',
  async run(ctx) {
    const message = configuredMessage(ctx, { state: 'Unavailable' });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for message ${message.id} with state Unavailable, station accepts`, message);
    await withAvailabilityRestored(ctx, async () => {
      await ctx.step('3. Reusable State Unavailable', () => unavailable(ctx, {}));
      const since = Date.now();
      await availabilityRequested(ctx, '4-5. harness sends ChangeAvailabilityRequest (Operative) for the whole station, station accepts', {}, 'Operative', 'Accepted');
      await connectorsReported(ctx, '6-7. station reports its connectors Available', connectorsOf(ctx, {}), 'Available', since);
    });
    const report = await displayMessagesRequested(ctx, { id: [message.id] }, { request: `8-9. harness asks for message ${message.id}; the station accepts`, notify: '10-11. station reports it until tbc is false' });
    await ctx.step('Step 10: the message keeps state Unavailable', () => ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.state', reportedMessage(ctx, report, message.id)?.state, 'Unavailable'));
  },
});
