/** TC_D_10_CS: with the local list disabled, the station reports version 0 (no list), whatever list it may hold. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { CsCaseContext } from '../../../src/engine/testcase';
import { inconclusive } from '../../../src/engine/verdict';
import { ifImplemented, localListVersionIs, setting } from '../states';

const ENABLED = { component: { name: 'LocalAuthListCtrlr' }, variable: { name: 'Enabled' } };

/**
 * So that version 0 can only mean "disabled" and not "never received a list": enables the list for a moment, installs
 * an empty full list, and disables it again. Skipped when the station does not let Enabled be switched.
 */
async function giveTheListAVersion(ctx: CsCaseContext): Promise<void> {
  const { csms, config } = ctx;
  await ctx.step('Before (harness preparation beyond Part 6): the station gets a list version while enabled, then the list is disabled again', async () => {
    const on = await csms.call('SetVariables', { setVariableData: [{ ...ENABLED, attributeValue: 'true' }] });
    if (on.setVariableResult[0]?.attributeStatus !== 'Accepted') return;
    await csms.call('SendLocalList', { updateType: 'Full', versionNumber: config.configured.localListVersion });
    const off = await csms.call('SetVariables', { setVariableData: [{ ...ENABLED, attributeValue: 'false' }] });
    if (off.setVariableResult[0]?.attributeStatus !== 'Accepted') throw inconclusive('OCPPCT_PRECONDITION', 'the station did not let LocalAuthListCtrlr.Enabled be set back to false');
  });
}

export default defineTestCase({
  id: 'TC_D_10_CS',
  name: 'Get Local List Version - Function disabled',
  sut: 'CS',
  useCases: ['D02'],
  requirements: ['D02.FR.03'],
  detects: ['localList.versionWhenDisabled'],
  configuration: [ifImplemented(setting('LocalAuthListCtrlr', 'Enabled', 'false'))],
  notes:
    'Part 6 has no memory state here, so a station that never received a list would answer 0 whether or not it honours ' +
    'LocalAuthListEnabled. The harness therefore first gives the list a version (an empty full list, numbered ' +
    '<Configured versionNumber>, sent while the list is briefly enabled) and disables it again before step 1. The Before setting is ' +
    '"if implemented": without LocalAuthListCtrlr.Enabled both it and that preparation are left out, and step 1 still expects 0.',
  async run(ctx) {
    await giveTheListAVersion(ctx);
    await localListVersionIs(ctx, '1-2. harness asks for the list version while the list is disabled: 0', 0);
  },
});
