/** TC_E_02_CSMS: the CSMS copes with a station that starts transactions only when the energy transfer starts (Started while Charging). */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorizePlugInAndStart, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_E_02_CSMS',
  name: 'Start transaction options - EnergyTransfer',
  sut: 'CSMS',
  useCases: ['E01'],
  requirements: ['E01.FR.06'],
  detects: ['transaction.noIdTokenInfo'],
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await authorizePlugInAndStart(ctx, tx, '5-6. harness starts the transaction as energy starts to flow (ChargingStateChanged, Charging)', {
      triggerReason: 'ChargingStateChanged',
      chargingState: 'Charging',
    });
    await leaveIdle(ctx, tx);
  },
});
