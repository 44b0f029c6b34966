/** TC_K_09_CS: after the TxDefaultProfile of a running transaction is cleared, the transaction's composite schedule no longer follows it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, chargingProfileCleared, compositeScheduleReported, energyTransferStarted, limitAt, limitOf, profileInstalled, smartChargingRequired, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_09_CS',
  name: 'Clear Charging Profile - Clearing a TxDefaultProfile - With ongoing transaction',
  sut: 'CS',
  useCases: ['K10'],
  requirements: ['K10.FR.07'],
  detects: ['smartCharging.clearSparesTransaction', 'smartCharging.clearByCriteriaIgnored'],
  applicable: smartChargingRequired,
  configuration: [{ component: { name: 'SmartChargingCtrlr' }, variable: { name: 'LimitChangeSignificance' }, value: '1.0' }],
  notes:
    'Errata 2025-09 6.2.66: the Before profile carries no validFrom / validTo. It is Absolute, stack level 0, on <Configured evseId>, starting now, ' +
    'duration 400 + <Configured max time deviation>, one period at 6 times the limit multiplier (errata 6.2.69). Step 1 names no duration; ' +
    'the validations expect 300, so both requests ask for 300 s in <Configured chargingRateUnit>.',
  async run(ctx) {
    const { evseId, maxTimeDeviationSeconds } = ctx.config.configured;
    const six = limitOf(ctx.config, 6);
    await profileInstalled(ctx, 'Before: a TxDefaultProfile with limit 6 is installed on the configured EVSE', evseId, buildProfile(ctx.config, { purpose: 'TxDefaultProfile', duration: 400 + maxTimeDeviationSeconds }));
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const before = await compositeScheduleReported(ctx, '1-2. harness asks for the composite schedule of the EVSE, station answers with limit 6', evseId, 300);
      ctx.check.equal('chargingSchedulePeriod limit at startPeriod 0 (the TxDefaultProfile)', limitAt(before.schedule, 0), six);
      await chargingProfileCleared(ctx, '3-4. harness clears the TxDefaultProfiles, station accepts', { chargingProfileCriteria: { chargingProfilePurpose: 'TxDefaultProfile' } }, 'Accepted');
      const after = await compositeScheduleReported(ctx, '5-6. harness asks for the composite schedule again, station answers without the cleared limit', evseId, 300);
      ctx.check.notEqual('chargingSchedulePeriod limit at startPeriod 0 (the station limit)', limitAt(after.schedule, 0), six);
    });
  },
});
