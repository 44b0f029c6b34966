/** TC_E_20_CSMS: the CSMS accepts a transaction that ends after the EV suspended and was unplugged on the EV side. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferSuspended, evDisconnected, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_E_20_CSMS',
  name: 'Stop transaction options - EVDisconnected - EV side (able to charge IEC 61851-1 EV)',
  sut: 'CSMS',
  useCases: ['E06', 'E10'],
  requirements: ['E06.FR.02'],
  detects: ['transaction.endedUnanswered'],
  notes:
    'Part 6 has no tool validations here: the CSMS passes by answering every request with a schema-valid CALLRESULT. ' +
    'EVDisconnected runs the states it depends on as section 3.18 says (StopAuthorized, then EVConnectedPostSession); ' +
    'a suspended energy transfer counts as started for StopAuthorized, so charging is not resumed first.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await energyTransferSuspended(ctx, tx);
    await ctx.step('1. the cable is unplugged on the EV side and the transaction ends', () => evDisconnected(ctx, tx));
  },
});
