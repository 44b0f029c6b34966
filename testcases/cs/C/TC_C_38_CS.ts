/** TC_C_38_CS: with the authorization cache disabled, ClearCacheRequest is answered Rejected. */
import { defineTestCase, type CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import { clearCache, ifImplemented, setting, validTokenCached } from '../states';

const ENABLED = { component: { name: 'AuthCacheCtrlr' }, variable: { name: 'Enabled' } };

/** Sets AuthCacheCtrlr.Enabled as a Before step; a station that refuses makes the case inconclusive. */
async function cacheEnabled(ctx: CsCaseContext, title: string, value: boolean): Promise<void> {
  await ctx.step(title, async () => {
    const response = await ctx.csms.call('SetVariables', { setVariableData: [{ ...ENABLED, attributeValue: String(value) }] });
    const status = response.setVariableResult[0]?.attributeStatus;
    if (status !== 'Accepted') throw inconclusive('OCPPCT_PRECONDITION', `the station answered ${status ?? 'nothing'} to AuthCacheCtrlr.Enabled ${value}`);
  });
}

export default defineTestCase({
  id: 'TC_C_38_CS',
  name: 'Clear Authorization Data in Authorization Cache - Rejected',
  sut: 'CS',
  useCases: ['C11'],
  requirements: ['C11.FR.01', 'C11.FR.02', 'C11.FR.04'],
  detects: ['authCache.clearAlwaysAccepted'],
  configuration: [ifImplemented(setting('AuthCacheCtrlr', 'Enabled', 'false'))],
  notes:
    'Part 6 lists the memory state IdTokenCached after a Before configuration that disables the cache, so nothing could be cached. ' +
    'Read as: the cache holds the valid idToken when it is disabled. The harness enables the cache for the memory state, fills it, ' +
    'and disables it again before step 1, so the Rejected answer is given by a disabled cache that still has an entry. The Before ' +
    'setting is "if implemented"; a station without AuthCacheCtrlr.Enabled cannot have its cache switched, so the harness\'s own ' +
    'SetVariables above makes the case inconclusive.',
  async run(ctx) {
    await cacheEnabled(ctx, 'Before: harness enables the cache for the memory state (SetVariables AuthCacheCtrlr.Enabled true)', true);
    await validTokenCached(ctx);
    await cacheEnabled(ctx, 'Before: harness disables the cache again, as the Before configuration says (SetVariables AuthCacheCtrlr.Enabled false)', false);
    await clearCache(ctx, '1-2. harness sends ClearCacheRequest, station answers Rejected', 'Rejected');
  },
});
