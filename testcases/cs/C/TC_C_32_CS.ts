/** TC_C_32_CS: the authorization cache survives a power cycle: the cached idToken is still authorized without asking the CSMS. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTH_CACHE_ON_PRE_AUTHORIZE_REQUIRED, authorizedFromCache, booted, energyTransferStarted, evConnectedPreSession, validTokenCached, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_32_CS',
  name: 'Store Authorization Data in the Authorization Cache - Persistent over reboot',
  sut: 'CS',
  useCases: ['C10'],
  requirements: ['C10.FR.02'],
  detects: ['authCache.notPersistent'],
  configuration: AUTH_CACHE_ON_PRE_AUTHORIZE_REQUIRED,
  notes:
    'Booted power-cycles the station (a cache in non-volatile memory must survive losing power). Steps 2-3 are the Authorized state for ' +
    'the cached token (errata 2025-09 6.2.22: local or remote as configured); locally the station must not send an AuthorizeRequest.',
  async run(ctx) {
    await validTokenCached(ctx);
    await ctx.step('1. the station restarts (Booted)', () => booted(ctx, 'powerCycle'));
    await withSession(ctx, async (session) => {
      await ctx.step('Manual action, 2-3: the cached valid idToken is presented again (Authorized)', () => authorizedFromCache(session, '2-3'));
      await ctx.step('4. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await ctx.step('5. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
