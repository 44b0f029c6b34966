/** TC_E_17_CSMS: the CSMS accepts a transaction that ends when the EV side drops the connection while suspended. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferSuspended, leaveIdle, newTransaction, sendEvCommunicationLost } from '../states';

export default defineTestCase({
  id: 'TC_E_17_CSMS',
  name: 'Stop transaction options - Deauthorized - EV side disconnect',
  sut: 'CSMS',
  useCases: ['E06'],
  requirements: ['E06.FR.04'],
  detects: ['transaction.endedUnanswered'],
  notes: 'Part 6 has no tool validation for the main step: the CSMS passes by answering the Ended event with a schema-valid TransactionEventResponse.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferSuspended(ctx, tx);
    await sendEvCommunicationLost(ctx, '1-2. harness ends the transaction as the EV side disconnects (EVCommunicationLost, Idle, stoppedReason EVDisconnected)', tx);
    await leaveIdle(ctx, tx);
  },
});
