/** TC_O_39_CS: a message for state Faulted is kept while a fault comes and goes, and reported with its state. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, connectorsReported, displayMessagesRequested, faultReported, reportedMessage, setDisplayMessage } from '../states';

export default defineTestCase({
  id: 'TC_O_39_CS',
  name: 'Set Display Message - State Faulted',
  sut: 'CS',
  useCases: ['O01'],
  requirements: [],
  detects: ['displayMessages.stateDropped', 'displayMessages.removedAfterState'],
  notes:
    'Follows errata 2025-02 6.2.115 and 2025-09 6.2.111: state Faulted, content saying the station is faulted, and the status reports of steps ' +
    '3-6 show the fault came and went. The fault is raised on <Configured evseId> / <Configured connectorId> through the driver. Whether the message ' +
    'is shown only while faulted is not observable over OCPP; the harness checks the station still holds it, with state Faulted, afterwards.',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    const connector = { evseId, connectorId };
    const message = configuredMessage(ctx, { state: 'Faulted', content: 'This Charging Station is out of order (Faulted)' });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for message ${message.id} with state Faulted, station accepts`, message);
    let faulted = false;
    try {
      const raisedAt = Date.now();
      await ctx.step('Manual action: put the station into a fault (Faulted)', () => ctx.perform({ kind: 'raiseFault', ...connector }));
      faulted = true;
      await faultReported(ctx, '3-4. station reports the fault', connector, raisedAt);
      const clearedAt = Date.now();
      await ctx.step('Manual action: clear the fault, so the station is Available again', () => ctx.perform({ kind: 'clearFault', ...connector }));
      faulted = false;
      await connectorsReported(ctx, '5-6. station reports the connector Available again', [connector], 'Available', clearedAt);
    } finally {
      if (faulted) await ctx.perform({ kind: 'clearFault', ...connector }).catch(() => undefined);
    }
    const report = await displayMessagesRequested(ctx, { id: [message.id] }, { request: `7-8. harness asks for message ${message.id}; the station accepts`, notify: '9-10. station reports it until tbc is false' });
    await ctx.step('Step 9: the message keeps state Faulted', () => ctx.check.equal('NotifyDisplayMessagesRequest.messageInfo.state', reportedMessage(ctx, report, message.id)?.state, 'Faulted'));
  },
});
