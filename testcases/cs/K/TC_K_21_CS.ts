/** TC_K_21_CS: a profile whose validFrom lies ahead applies only from then on in the composite schedule. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, checkPeriod, compositeScheduleReported, secondsFromNow, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_21_CS',
  name: 'Set Charging Profile - ValidFrom',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.36'],
  detects: ['smartCharging.validityIgnored'],
  applicable: smartChargingRequired,
  notes:
    'A Relative TxDefaultProfile (no startSchedule, no validTo, no duration) valid from now + 300 s, one period at 6 times the limit multiplier. ' +
    'x is the time from validFrom - 300 s to scheduleStart: the second period must start at 300 - x (± <Configured max time deviation>) with limit 6.',
  async run(ctx) {
    const { evseId } = ctx.config.configured;
    const validFrom = secondsFromNow(300);
    const profile = buildProfile(ctx.config, { purpose: 'TxDefaultProfile', kind: 'Relative', validFrom, duration: null });
    await setChargingProfile(ctx, '1-2. harness sends a Relative TxDefaultProfile valid from 300 s on, station accepts it', evseId, profile, 'Accepted');
    const composite = await compositeScheduleReported(ctx, '3-4. harness asks for 400 s of composite schedule, station answers', evseId, 400);
    await ctx.step('4. the schedule starts at 0 and takes limit 6 when validFrom is reached', () => {
      ctx.check.equal('chargingSchedulePeriod[0].startPeriod', composite.schedule.chargingSchedulePeriod[0].startPeriod, 0);
      checkPeriod(ctx, composite, (Date.parse(validFrom) - composite.start) / 1000, 6, '[1] at validFrom');
    });
  },
});
