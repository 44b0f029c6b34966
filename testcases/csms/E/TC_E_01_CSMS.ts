/** TC_E_01_CSMS: the CSMS copes with a station that starts transactions when the power path closes (Started while SuspendedEVSE). */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorizePlugInAndStart, leaveIdle, newTransaction, reportCharging } from '../states';

export default defineTestCase({
  id: 'TC_E_01_CSMS',
  name: 'Start transaction options - PowerPathClosed',
  sut: 'CSMS',
  useCases: ['E01'],
  requirements: ['E01.FR.05'],
  detects: ['transaction.noIdTokenInfo'],
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await authorizePlugInAndStart(ctx, tx, '5-6. harness starts the transaction as the power path closes (ChargingStateChanged, SuspendedEVSE)', {
      triggerReason: 'ChargingStateChanged',
      chargingState: 'SuspendedEVSE',
    });
    await reportCharging(ctx, '7-8. harness reports that energy flows (ChargingStateChanged, Charging)', tx);
    await leaveIdle(ctx, tx);
  },
});
