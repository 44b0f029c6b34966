/** TC_E_04_CSMS: the CSMS lets a driver charge who authorizes first and plugs in afterwards. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, energyTransferStarted, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_E_04_CSMS',
  name: 'Local start transaction - Authorization first - Success',
  sut: 'CSMS',
  useCases: ['E03'],
  requirements: ['E03.FR.02'],
  detects: ['transaction.noIdTokenInfo'],
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await ctx.step('1. the driver authorizes before plugging in', () => authorized(ctx, tx));
    await ctx.step('2. the EV is plugged in and the energy transfer starts', () => energyTransferStarted(ctx, tx));
    await leaveIdle(ctx, tx);
  },
});
