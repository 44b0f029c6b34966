/** TC_E_53_CSMS: the CSMS accepts that every new transaction starts its seqNo at 0 again. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, evDisconnected, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_E_53_CSMS',
  name: 'Reset Sequence Number - CSMS accepting seqNo = 0 at start of transaction',
  sut: 'CSMS',
  useCases: ['E01'],
  requirements: ['E01.FR.07'],
  detects: ['transaction.rejectsSeqNoRestart', 'transaction.endedUnanswered'],
  async run(ctx) {
    const { step, config } = ctx;
    const first = newTransaction(config);
    first.checkStartAnswered = true;
    await step('1. a transaction starts with seqNo 0 and energy flows', () => energyTransferStarted(ctx, first));
    await step('2. the EV is unplugged and the first transaction ends', () => evDisconnected(ctx, first));
    const second = newTransaction(config);
    second.checkStartAnswered = true;
    await step('3. a new transaction starts with seqNo 0 again and energy flows', () => energyTransferStarted(ctx, second));
    await step('4. the EV is unplugged and the second transaction ends', () => evDisconnected(ctx, second));
  },
});
