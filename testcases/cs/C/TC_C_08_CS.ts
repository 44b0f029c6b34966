/** TC_C_08_CS: an idToken cached as Accepted authorizes a session without an AuthorizeRequest, and charging starts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTH_CACHE_ON, authorizedFromCache, energyTransferStarted, evConnectedPreSession, validTokenCached, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_08_CS',
  name: 'Authorization through authorization cache - Accepted',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  detects: ['authCache.notUsed', 'transaction.noChargingStart'],
  configuration: AUTH_CACHE_ON,
  notes:
    'Part 6 "AuthCacheCtrlr.AuthCacheEnabled" is AuthCacheCtrlr.Enabled, and LocalPreAuthorize is in AuthCtrlr. With LocalPreAuthorize ' +
    'true a token cached as Accepted is authorized without asking the CSMS, so the Authorized state is checked for the absence of an ' +
    'AuthorizeRequest. Per errata 2025-09 6.2.22 the Authorized state may also be remote (configured.startTransactionVia); then the ' +
    'token is cached, so no AuthorizeRequest is waited for even with AuthorizeRemoteStart true (the Authorized state skips it for a ' +
    'cached idToken).',
  async run(ctx) {
    await validTokenCached(ctx);
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await ctx.step('1. Authorized with the valid idToken held in the cache', () => authorizedFromCache(session, '3-4'));
      await ctx.step('2. energy starts to flow (EnergyTransferStarted; post scenario: energy transfer started)', () => energyTransferStarted(session));
    });
  },
});
