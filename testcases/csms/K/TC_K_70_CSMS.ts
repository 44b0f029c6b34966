/** TC_K_70_CSMS: while a transaction charges, the CSMS sets two profiles of different purposes: a TxDefaultProfile, then a ChargingStationMaxProfile. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkPart2Profile, checkProfile, configuredProfile, energyTransferStarted, leaveIdle, newTransaction, profileSet } from '../states';

export default defineTestCase({
  id: 'TC_K_70_CSMS',
  name: 'Set Charging Profile - Multiple Profiles',
  sut: 'CSMS',
  useCases: [],
  requirements: [],
  detects: ['smartCharging.wrongPurpose', 'smartCharging.recurrencyDropped'],
  notes:
    'Follows errata 2024-11 (6.3.19): the charging state is EnergyTransferStarted and the two profiles differ in purpose ' +
    '(TxDefaultProfile on <Configured evseId>, then ChargingStationMaxProfile on the station) instead of stack level. The ' +
    'operator asks for a Recurring TxDefaultProfile (<Configured recurrencyKind>) and an Absolute ChargingStationMaxProfile ' +
    'with the next id.',
  async run(ctx) {
    const { configured } = ctx.config;
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    const first = await profileSet(ctx, '1-2. the CSMS, asked to set a TxDefaultProfile, sends SetChargingProfileRequest; harness accepts', configured.evseId, configuredProfile(ctx, { purpose: 'TxDefaultProfile', kind: 'Recurring', recurrencyKind: configured.csmsChargingProfile.recurrencyKind, amps: 6 }));
    await ctx.step('Step 1: a TxDefaultProfile, Absolute or Recurring, with a startSchedule', () => {
      const { evseId, chargingProfile } = first.call.payload;
      checkProfile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile, { purpose: 'TxDefaultProfile', kinds: ['Absolute', 'Recurring'], startSchedule: true });
      if (chargingProfile.chargingProfileKind === 'Recurring') ctx.check.that('SetChargingProfileRequest.chargingProfile.recurrencyKind', chargingProfile.recurrencyKind !== undefined, 'present', '(omitted)');
      checkPart2Profile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile);
    });
    const second = await profileSet(ctx, '3-4. the CSMS, asked to set a ChargingStationMaxProfile, sends SetChargingProfileRequest; harness accepts', 0, configuredProfile(ctx, { id: configured.chargingProfile.id + 1, purpose: 'ChargingStationMaxProfile', kind: 'Absolute', amps: 6 }));
    await ctx.step('Step 3: a ChargingStationMaxProfile, Absolute, with a startSchedule and another id', () => {
      const { evseId, chargingProfile } = second.call.payload;
      ctx.check.notEqual('SetChargingProfileRequest.chargingProfile.id (not that of step 1)', chargingProfile.id, first.call.payload.chargingProfile.id);
      checkProfile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile, { purpose: 'ChargingStationMaxProfile', kinds: ['Absolute'], startSchedule: true });
      checkPart2Profile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile);
    });
    await leaveIdle(ctx, tx);
  },
});
