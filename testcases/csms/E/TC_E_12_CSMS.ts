/** TC_E_12_CSMS: the CSMS accepts a transaction that starts when the station detects an EV in its parking bay. */
import { defineTestCase } from '../../../src/engine/testcase';
import { leaveIdle, newTransaction, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_12_CSMS',
  name: 'Start transaction options - ParkingBayOccupied',
  sut: 'CSMS',
  useCases: ['E01'],
  requirements: ['E01.FR.01'],
  detects: ['transaction.requiresIdTokenAtStart'],
  notes: 'Part 6 has no tool validations here: the CSMS passes by answering the Started event with a schema-valid TransactionEventResponse.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await transactionEventStep(ctx, '1-2. harness starts the transaction as an EV enters the parking bay (EVDetected, Started)', tx, { eventType: 'Started', triggerReason: 'EVDetected' });
    await leaveIdle(ctx, tx);
  },
});
