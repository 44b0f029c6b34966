/** TC_K_23_CS: an Absolute schedule applies from its startSchedule on, not before. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, checkPeriod, compositeScheduleReported, secondsFromNow, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_23_CS',
  name: 'Set Charging Profile - StartSchedule',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.30'],
  detects: ['smartCharging.startScheduleIgnored'],
  applicable: smartChargingRequired,
  notes:
    'Errata 2025-09 6.2.67: no validFrom / validTo; startSchedule is now + 60 s. An Absolute TxDefaultProfile on <Configured evseId> with <Configured duration> ' +
    'and one period at 6 times the limit multiplier. The composite period from 0 (the station limit) is not validated; one at 60 - x with limit 6 must follow.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    const startSchedule = secondsFromNow(60);
    const profile = buildProfile(ctx.config, { purpose: 'TxDefaultProfile', startSchedule });
    await setChargingProfile(ctx, '1-2. harness sends a TxDefaultProfile whose schedule starts in 60 s, station accepts it', evseId, profile, 'Accepted');
    const composite = await compositeScheduleReported(ctx, '3-4. harness asks for 300 s of composite schedule, station answers', evseId, 300);
    await ctx.step('4. limit 6 starts at startSchedule', () => {
      ctx.check.equal('chargingSchedulePeriod[0].startPeriod', composite.schedule.chargingSchedulePeriod[0].startPeriod, 0);
      checkPeriod(ctx, composite, (Date.parse(startSchedule) - composite.start) / 1000, 6, 'at startSchedule');
    });
  },
});
