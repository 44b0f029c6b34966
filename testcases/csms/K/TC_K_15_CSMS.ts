/** TC_K_15_CSMS: the CSMS sends a TxDefaultProfile to a station without smart charging, which answers CALLERROR NotSupported. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkProfile, configuredProfile, profileSet } from '../states';

export default defineTestCase({
  id: 'TC_K_15_CSMS',
  name: 'Set Charging Profile - Not Supported',
  sut: 'CSMS',
  useCases: ['K01'],
  requirements: [],
  detects: ['smartCharging.wrongPurpose', 'smartCharging.evseZero'],
  notes: 'Follows errata 2024-09 (6.3.16): validFrom and validTo are not required. The request fields Part 6 names in step 1 are checked.',
  async run(ctx) {
    const { configured } = ctx.config;
    const profile = configuredProfile(ctx, { purpose: 'TxDefaultProfile', kind: 'Absolute', amps: 6 });
    const { call } = await profileSet(ctx, '1-2. the CSMS, asked to set a TxDefaultProfile on the EVSE, sends SetChargingProfileRequest; harness answers CALLERROR NotSupported', configured.evseId, profile, (c) => c.respondError('NotSupported', 'this station does not support smart charging'));
    await ctx.step('Step 1: SetChargingProfileRequest as Part 6 lists it', () => {
      checkProfile(ctx, 'SetChargingProfileRequest', call.payload.evseId, call.payload.chargingProfile, {
        evseId: configured.evseId,
        stackLevel: configured.csmsChargingProfile.stackLevel,
        purpose: 'TxDefaultProfile',
        kinds: ['Absolute'],
        startSchedule: true,
        chargingRateUnit: configured.chargingProfile.chargingRateUnit,
        duration: configured.chargingProfile.durationSeconds,
        amps: 6,
      });
    });
  },
});
