/** TC_K_19_CSMS: asked by its operator, the CSMS sets a Recurring TxDefaultProfile with the configured recurrencyKind. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkPart2Profile, checkProfile, configuredProfile, profileSet, scheduleOf } from '../states';

export default defineTestCase({
  id: 'TC_K_19_CSMS',
  name: 'Set Charging Profile - ChargingProfileKind is Recurring',
  sut: 'CSMS',
  useCases: ['K01'],
  requirements: [],
  detects: ['smartCharging.recurrencyDropped', 'smartCharging.wrongKind', 'smartCharging.evseZero', 'smartCharging.wrongStackLevel'],
  async run(ctx) {
    const { configured } = ctx.config;
    const { recurrencyKind } = configured.csmsChargingProfile;
    const profile = configuredProfile(ctx, { purpose: 'TxDefaultProfile', kind: 'Recurring', recurrencyKind, amps: 6 });
    const { call } = await profileSet(ctx, `1-2. the CSMS, asked to set a ${recurrencyKind} Recurring TxDefaultProfile, sends SetChargingProfileRequest; harness accepts`, configured.evseId, profile);
    await ctx.step('Step 1: SetChargingProfileRequest as Part 6 lists it', () => {
      const { evseId, chargingProfile } = call.payload;
      checkProfile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile, { evseId: configured.evseId, stackLevel: configured.csmsChargingProfile.stackLevel, purpose: 'TxDefaultProfile', kinds: ['Recurring'] });
      ctx.check.equal('SetChargingProfileRequest.chargingProfile.chargingSchedule.chargingSchedulePeriod[0].startPeriod', scheduleOf(chargingProfile)?.chargingSchedulePeriod[0]?.startPeriod, 0);
      ctx.check.equal('SetChargingProfileRequest.chargingProfile.recurrencyKind', chargingProfile.recurrencyKind, recurrencyKind);
      checkPart2Profile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile);
    });
  },
});
