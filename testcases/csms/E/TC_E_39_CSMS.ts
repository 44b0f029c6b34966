/** TC_E_39_CSMS: the CSMS accepts the end of an authorized transaction whose EV never connected before the connection timeout. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, newTransaction, transactionEventStep } from '../states';

export default defineTestCase({
  id: 'TC_E_39_CSMS',
  name: 'Stop transaction options - Deauthorized - timeout',
  sut: 'CSMS',
  useCases: ['E03', 'E06'],
  requirements: ['E03.FR.04', 'E03.FR.05', 'E06.FR.04'],
  detects: ['transaction.endedUnanswered', 'transaction.noIdTokenInfo'],
  notes: 'Part 6 has no tool validation for the main step: the CSMS passes by answering the Ended event with a schema-valid TransactionEventResponse.',
  async run(ctx) {
    const { step, station, config } = ctx;
    const tx = newTransaction(config);
    await authorized(ctx, tx);
    const seconds = config.configured.evConnectionTimeout;
    await step(`1. harness waits <Configured EV connection timeout> (${seconds} s) without plugging in, answering the CSMS meanwhile`, () => station.serveFor(seconds * 1000));
    await transactionEventStep(ctx, '1-2. harness ends the transaction as the EV did not connect in time (EVConnectTimeout, stoppedReason Timeout)', tx, {
      eventType: 'Ended',
      triggerReason: 'EVConnectTimeout',
      stoppedReason: 'Timeout',
    });
  },
});
