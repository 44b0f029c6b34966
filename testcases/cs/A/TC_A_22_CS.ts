/** TC_A_22_CS: the station refuses a network profile with a lower security profile than the one it uses. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configurationSlots, withSecurityProfile, setNetworkProfile } from '../states';

export default defineTestCase({
  id: 'TC_A_22_CS',
  name: 'Upgrade Charging Station Security Profile - Downgrade security profile - Rejected',
  sut: 'CS',
  useCases: ['A05', 'B09'],
  requirements: ['B09.FR.04'],
  detects: ['security.acceptsDowngrade'],
  notes: 'Errata 2025-02: the station is connected with security profile 2 or 3 and the profile offered is security profile 1.',
  async run(ctx) {
    await withSecurityProfile(ctx, [2, 3], async () => {
      const { other } = await configurationSlots(ctx);
      await setNetworkProfile(ctx, `1-2. harness sends SetNetworkProfileRequest (slot ${other}, security profile 1), station answers`, other, 1, ['Rejected']);
    });
  },
});
