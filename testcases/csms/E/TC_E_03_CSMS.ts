/** TC_E_03_CSMS: the CSMS lets a driver charge who plugs in first and authorizes afterwards. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, energyTransferStarted, evConnectedPreSession, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_E_03_CSMS',
  name: 'Local start transaction - Cable plugin first - Success',
  sut: 'CSMS',
  useCases: ['E02'],
  requirements: ['E02.FR.02'],
  detects: ['transaction.noIdTokenInfo', 'transaction.requiresIdTokenAtStart'],
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await evConnectedPreSession(ctx, tx);
    await ctx.step('1. the driver authorizes after plugging in', () => authorized(ctx, tx));
    await ctx.step('2. the energy transfer starts', () => energyTransferStarted(ctx, tx));
    await leaveIdle(ctx, tx);
  },
});
