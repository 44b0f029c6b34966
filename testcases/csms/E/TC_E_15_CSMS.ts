/** TC_E_15_CSMS: the CSMS accepts a transaction the driver stops at the station (StopAuthorized, stoppedReason Local). */
import { defineTestCase } from '../../../src/engine/testcase';
import { endWithLocalStop, energyTransferStarted, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_E_15_CSMS',
  name: 'Stop transaction options - StopAuthorized - Local',
  sut: 'CSMS',
  useCases: ['E06'],
  requirements: ['E06.FR.03'],
  detects: ['transaction.endedUnanswered'],
  notes: 'Part 6 has no tool validation for the main step: the CSMS passes by answering the Ended event with a schema-valid TransactionEventResponse.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await endWithLocalStop(ctx, '1-2. harness ends the transaction on a local stop (StopAuthorized, stoppedReason Local)', tx);
    await leaveIdle(ctx, tx);
  },
});
