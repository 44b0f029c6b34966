/** TC_E_07_CSMS: the CSMS accepts a station whose transactions end when the driver stops locally and the power path opens. */
import { defineTestCase } from '../../../src/engine/testcase';
import { endWithLocalStop, energyTransferStarted, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_E_07_CSMS',
  name: 'Stop transaction options - PowerPathClosed - Local stop',
  sut: 'CSMS',
  useCases: ['E06'],
  requirements: ['E06.FR.06'],
  detects: ['transaction.endedUnanswered'],
  notes:
    'Part 6 has no tool validation for the main step: the CSMS passes by answering the Ended event with a schema-valid ' +
    'TransactionEventResponse. The messages are those of TC_E_15_CSMS; only the station configuration they stand for differs.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await endWithLocalStop(ctx, '1-2. harness ends the transaction as the power path opens on a local stop (StopAuthorized, stoppedReason Local)', tx);
    await leaveIdle(ctx, tx);
  },
});
