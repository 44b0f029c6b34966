/** TC_C_46_CS: a cache entry unused for longer than AuthCacheCtrlr.LifeTime expires, so the idToken is asked about again. */
import type { RunConfig } from '../../../src/engine/config';
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTH_CACHE_ON, authorized, evConnectedPreSession, setting, validTokenCached, withSession } from '../states';

/** AuthCacheCtrlr.LifeTime is whole seconds: <Configured Transaction Duration> rounded up (at least 1). */
const lifeTimeSeconds = (config: RunConfig): number => Math.max(1, Math.ceil(config.configured.transactionDuration));

export default defineTestCase({
  id: 'TC_C_46_CS',
  name: 'Store Authorization Data in the Authorization Cache - AuthCacheLifeTime',
  sut: 'CS',
  useCases: ['C10'],
  requirements: ['C10.FR.08'],
  detects: ['authCache.lifeTimeIgnored'],
  configuration: [...AUTH_CACHE_ON, setting('AuthCacheCtrlr', 'LifeTime', (config) => String(lifeTimeSeconds(config)))],
  notes:
    'AuthCacheLifeTime is AuthCacheCtrlr.LifeTime, an integer: it is set to <Configured Transaction Duration> rounded up to whole ' +
    'seconds (at least 1), and step 1 waits as long. The cache is enabled too, so the memory state can fill it ("if implemented", as in the other cache cases). Step 2 presents the ' +
    'token locally, as Part 6 says; the station must ask the CSMS about the expired entry.',
  async run(ctx) {
    const seconds = lifeTimeSeconds(ctx.config);
    await validTokenCached(ctx);
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await ctx.step(`1. wait <Configured Transaction Duration> (as AuthCacheLifeTime: ${seconds} s)`, () => session.monitor.watch(seconds * 1000));
      await ctx.step('2. Authorized (local): the expired cache entry is asked about with an AuthorizeRequest', () => authorized(session, 'local'));
    });
  },
});
