/** TC_K_02_CSMS: asked for a TxProfile on an EVSE without a transaction, the CSMS sends it and takes the station's Rejected. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkProfile, configuredProfile, profileSet } from '../states';

export default defineTestCase({
  id: 'TC_K_02_CSMS',
  name: 'Set Charging Profile - TxProfile without ongoing transaction on the specified EVSE',
  sut: 'CSMS',
  useCases: ['K01'],
  requirements: [],
  detects: ['smartCharging.wrongPurpose', 'smartCharging.evseZero', 'smartCharging.wrongStackLevel', 'smartCharging.wrongKind'],
  notes:
    'Part 6 prerequisite: the CSMS can send a TxProfile while no transaction is ongoing (there is then no transactionId to give). ' +
    'Follows errata 2025-04 (6.3.13): startSchedule must be omitted.',
  async run(ctx) {
    const { configured } = ctx.config;
    const profile = configuredProfile(ctx, { purpose: 'TxProfile', kind: 'Relative', amps: 7, duration: undefined });
    const { call } = await profileSet(ctx, '1-2. the CSMS, asked to set a TxProfile on an EVSE without a transaction, sends SetChargingProfileRequest; harness answers Rejected', configured.evseId, profile, (c) => c.respond({ status: 'Rejected' }));
    await ctx.step('Step 1: SetChargingProfileRequest as Part 6 lists it', () => {
      checkProfile(ctx, 'SetChargingProfileRequest', call.payload.evseId, call.payload.chargingProfile, {
        evseId: configured.evseId,
        purpose: 'TxProfile',
        stackLevel: configured.csmsChargingProfile.stackLevel,
        kinds: ['Relative'],
        startSchedule: false,
        chargingRateUnit: configured.chargingProfile.chargingRateUnit,
        amps: 7,
      });
    });
  },
});
