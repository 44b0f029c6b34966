/** TC_K_40_CS: in a composite schedule the higher stack level prevails while it runs, then the lower one takes over. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, checkPeriod, compositeScheduleReported, offsetIn, profileInstalled, secondsFromNow, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_40_CS',
  name: 'Get Composite Schedule - Stacking ChargingProfiles',
  sut: 'CS',
  useCases: ['K08'],
  requirements: ['K08.FR.02', 'K08.FR.06'],
  detects: ['smartCharging.compositeIgnoresStackLevel'],
  applicable: smartChargingRequired,
  notes:
    'Errata 2025-09 6.2.72 and 6.2.74: both TxDefaultProfiles (stack levels 0 and 1, on <Configured evseId>) start at the same startScheduleTime (now - ' +
    '<Configured max time deviation>), valid from then to now + <Configured max time deviation> + 401 s; durations 400 and 150 s plus the deviation; ' +
    'limits 6 / 8 / 10 from 0 / 100 / 200 s and 7 / 9 from 0 / 100 s, times the limit multiplier (6.2.69). x is the time from startScheduleTime to ' +
    'scheduleStart: periods 7 from 0, 9 from 100 - x, 8 from 150 - x + deviation, 10 from 200 - x (each ± the deviation).',
  async run(ctx) {
    const { evseId, maxTimeDeviationSeconds: deviation } = ctx.config.configured;
    const { id } = ctx.config.configured.chargingProfile;
    const now = Date.now();
    const startSchedule = secondsFromNow(-deviation, now);
    const validity = { validFrom: startSchedule, validTo: secondsFromNow(deviation + 401, now), startSchedule };
    await profileInstalled(ctx, 'Before: TxDefaultProfile 1 (stack level 0) is installed', evseId, buildProfile(ctx.config, { id, purpose: 'TxDefaultProfile', stackLevel: 0, ...validity, duration: 400 + deviation, periods: [[0, 6], [100, 8], [200, 10]] }));
    await profileInstalled(ctx, 'Before: TxDefaultProfile 2 (stack level 1) is installed', evseId, buildProfile(ctx.config, { id: id + 1, purpose: 'TxDefaultProfile', stackLevel: 1, ...validity, duration: 150 + deviation, periods: [[0, 7], [100, 9]] }));
    const composite = await compositeScheduleReported(ctx, '1-2. harness asks for 350 s of composite schedule of the EVSE, station answers', evseId, 350);
    await ctx.step('2. stack level 1 prevails until it ends, then stack level 0', () => {
      checkPeriod(ctx, composite, 0, 7, '7 from 0 (stack level 1)');
      checkPeriod(ctx, composite, offsetIn(composite, startSchedule, 100), 9, '9 from 100 - x (stack level 1)');
      checkPeriod(ctx, composite, offsetIn(composite, startSchedule, 150 + deviation), 8, '8 from 150 - x (stack level 0)');
      checkPeriod(ctx, composite, offsetIn(composite, startSchedule, 200), 10, '10 from 200 - x (stack level 0)');
    });
  },
});
