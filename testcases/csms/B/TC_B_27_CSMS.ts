/** TC_B_27_CSMS: the CSMS asks for an Immediate reset of the charging EVSE and handles the transaction the reset ends. */
import { defineTestCase } from '../../../src/engine/testcase';
import { endByImmediateReset, energyTransferStarted, leaveIdle, newTransaction, resetRequested } from '../states';

export default defineTestCase({
  id: 'TC_B_27_CSMS',
  name: 'Reset EVSE - With Ongoing Transaction - Immediate',
  sut: 'CSMS',
  useCases: ['B12'],
  requirements: [],
  detects: ['reset.evseIdDropped', 'reset.typeIgnored', 'transaction.endedUnanswered'],
  notes:
    'The operator request is a driver action; the transaction runs on <Configured evseId>. Part 6 ends with the end of the ' +
    'transaction; afterwards (not part of Part 6) the harness unplugs the EV so the next case finds the station idle.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    await resetRequested(ctx, { type: 'Immediate', evseId: tx.evse.id }, 'Accepted');
    await endByImmediateReset(ctx, tx);
    await leaveIdle(ctx, tx);
  },
});
