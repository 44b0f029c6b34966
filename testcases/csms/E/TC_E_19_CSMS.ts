/** TC_E_19_CSMS: the CSMS accepts a transaction that ends only when the EV leaves the parking bay. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evDisconnected, newTransaction, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_19_CSMS',
  name: 'Stop transaction options - ParkingBayUnoccupied',
  sut: 'CSMS',
  useCases: ['E06'],
  requirements: ['E06.FR.01'],
  detects: ['transaction.endedUnanswered'],
  notes:
    'Part 6 has no tool validation for the main step: the CSMS passes by answering the Ended event with a schema-valid ' +
    'TransactionEventResponse. Read literally, the EVDisconnected state would end the transaction before the EV leaves the bay ' +
    'and the main step would end it a second time. With the stop point this case is about (ParkingBayOccupancy, E06.FR.01) ' +
    'unplugging does not end the transaction, so here the EVDisconnected state reports the unplugging as eventType Updated ' +
    'and the EVDeparted event is the only Ended one.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await evDisconnected(ctx, tx, { endsTransaction: false });
    await transactionEventStep(ctx, '1-2. harness ends the transaction as the EV leaves the parking bay (EVDeparted, stoppedReason Local)', tx, {
      eventType: 'Ended',
      triggerReason: 'EVDeparted',
      stoppedReason: 'Local',
    });
  },
});
