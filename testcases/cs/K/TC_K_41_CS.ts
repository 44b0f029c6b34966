/** TC_K_41_CS: a composite schedule takes, at each moment, the lowest of ChargingStationMaxProfile and the TxProfile (or TxDefaultProfile). */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, checkPeriod, compositeScheduleReported, energyTransferStarted, offsetIn, profileInstalled, secondsFromNow, smartChargingRequired, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_41_CS',
  name: 'Get Composite Schedule - Combining chargingProfilePurposes',
  sut: 'CS',
  useCases: ['K08'],
  requirements: ['K08.FR.02', 'K08.FR.04'],
  detects: ['smartCharging.compositeIgnoresStationMax'],
  applicable: smartChargingRequired,
  notes:
    'Errata 2025-09 6.2.73 to 6.2.75: the transaction runs (EnergyTransferStarted) before the profiles are set, so the TxProfile names it; all three start ' +
    'at startScheduleTime (now - <Configured max time deviation>): a ChargingStationMaxProfile of 10 for 86400 s on EVSE 0, a TxDefaultProfile (300 s: ' +
    '6/10/8/15/8 from 0/60/120/180/260 s) and a TxProfile (260 s: 8/11/16/6/12 from 0/50/140/200/240 s) on <Configured evseId>, the last two valid ' +
    'from then to now + deviation + 401 s; limits times the multiplier (6.2.69). x is the time from startScheduleTime to scheduleStart. The ends of the ' +
    'TxProfile and TxDefaultProfile are checked at 260 - x and 300 - x, the durations these profiles have (6.2.74 adds the deviation to durations 6.2.73 leaves without it).',
  async run(ctx) {
    const { evseId, maxTimeDeviationSeconds: deviation } = ctx.config.configured;
    const { id } = ctx.config.configured.chargingProfile;
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const now = Date.now();
      const startSchedule = secondsFromNow(-deviation, now);
      const validity = { validFrom: startSchedule, validTo: secondsFromNow(deviation + 401, now), startSchedule };
      await profileInstalled(ctx, 'Before: ChargingStationMaxProfile 1 (limit 10 for a day) is installed on EVSE 0', 0, buildProfile(ctx.config, { id, purpose: 'ChargingStationMaxProfile', startSchedule, duration: 86400, periods: [[0, 10]] }));
      await profileInstalled(ctx, 'Before: TxDefaultProfile 2 (300 s) is installed', evseId, buildProfile(ctx.config, { id: id + 1, purpose: 'TxDefaultProfile', ...validity, duration: 300, periods: [[0, 6], [60, 10], [120, 8], [180, 15], [260, 8]] }));
      await profileInstalled(ctx, 'Before: TxProfile 3 (260 s) is installed for the transaction', evseId, buildProfile(ctx.config, { id: id + 2, purpose: 'TxProfile', transactionId: session.transactionId, ...validity, duration: 260, periods: [[0, 8], [50, 11], [140, 16], [200, 6], [240, 12]] }));
      const composite = await compositeScheduleReported(ctx, '1-2. harness asks for 400 s of composite schedule of the EVSE, station answers', evseId, 400);
      await ctx.step('2. the lowest of the ChargingStationMaxProfile and the TxProfile, then the TxDefaultProfile', () => {
        checkPeriod(ctx, composite, 0, 8, '8 from 0 (TxProfile)');
        checkPeriod(ctx, composite, offsetIn(composite, startSchedule, 50), 10, '10 from 50 - x (ChargingStationMaxProfile)');
        checkPeriod(ctx, composite, offsetIn(composite, startSchedule, 200), 6, '6 from 200 - x (TxProfile)');
        checkPeriod(ctx, composite, offsetIn(composite, startSchedule, 240), 10, '10 from 240 - x (ChargingStationMaxProfile)');
        checkPeriod(ctx, composite, offsetIn(composite, startSchedule, 260), 8, '8 from 260 - x (TxDefaultProfile)');
        checkPeriod(ctx, composite, offsetIn(composite, startSchedule, 300), 10, '10 from 300 - x (ChargingStationMaxProfile)');
      });
    });
  },
});
