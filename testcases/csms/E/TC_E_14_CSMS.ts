/** TC_E_14_CSMS: the CSMS accepts a transaction that ends when the cable is unplugged at the station after the session. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evConnectedPostSession, evDisconnected, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_E_14_CSMS',
  name: 'Stop transaction options - EVDisconnected - Charging Station side',
  sut: 'CSMS',
  useCases: ['E06'],
  requirements: ['E06.FR.02'],
  detects: ['transaction.endedUnanswered'],
  notes: 'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await evConnectedPostSession(ctx, tx);
    await ctx.step('1. the cable is unplugged at the station and the transaction ends', () => evDisconnected(ctx, tx));
  },
});
