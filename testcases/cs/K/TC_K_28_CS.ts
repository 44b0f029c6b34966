/** TC_K_28_CS: a TxDefaultProfile set during a transaction applies to it at once. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, compositeScheduleReported, energyTransferStarted, limitAt, limitOf, secondsFromNow, setChargingProfile, smartChargingRequired, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_28_CS',
  name: 'Set Charging Profile - TxDefaultProfile with transaction ongoing',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.32'],
  detects: ['smartCharging.txDefaultIgnoredDuringTransaction'],
  applicable: smartChargingRequired,
  configuration: [{ component: { name: 'SmartChargingCtrlr' }, variable: { name: 'LimitChangeSignificance' }, value: '1.0' }],
  notes:
    'Errata 2025-09 6.2.68: no validFrom / validTo, duration 400 + <Configured max time deviation>. Absolute, startSchedule now - <Configured max time deviation>, ' +
    'one period at 6 times the limit multiplier, on <Configured evseId>.',
  async run(ctx) {
    const { evseId, maxTimeDeviationSeconds } = ctx.config.configured;
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const profile = buildProfile(ctx.config, { purpose: 'TxDefaultProfile', startSchedule: secondsFromNow(-maxTimeDeviationSeconds), duration: 400 + maxTimeDeviationSeconds });
      await setChargingProfile(ctx, '1-2. harness sends a TxDefaultProfile while the transaction runs, station accepts it', evseId, profile, 'Accepted');
      const composite = await compositeScheduleReported(ctx, '3-4. harness asks for 300 s of composite schedule, station answers', evseId, 300);
      ctx.check.equal('chargingSchedulePeriod limit at startPeriod 0', limitAt(composite.schedule, 0), limitOf(ctx.config, 6));
    });
  },
});
