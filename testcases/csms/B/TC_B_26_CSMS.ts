/** TC_B_26_CSMS: the CSMS asks for an OnIdle reset of the charging EVSE, and handles the Scheduled answer and the end of the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { endBeforeScheduledReset, energyTransferStarted, leaveIdle, newTransaction, resetRequested } from '../states';

export default defineTestCase({
  id: 'TC_B_26_CSMS',
  name: 'Reset EVSE - With Ongoing Transaction - OnIdle',
  sut: 'CSMS',
  useCases: ['B12'],
  requirements: ['B12.FR.07'],
  detects: ['reset.evseIdDropped', 'transaction.endedUnanswered'],
  notes:
    'The operator request is a driver action; the transaction runs on <Configured evseId>. Part 6 ends with the end of the ' +
    'transaction (no new boot for an EVSE reset); afterwards (not part of Part 6) the harness reports the connector Available again.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await resetRequested(ctx, { type: 'OnIdle', evseId: tx.evse.id }, 'Scheduled');
    await endBeforeScheduledReset(ctx, tx);
    await leaveIdle(ctx, tx);
  },
});
