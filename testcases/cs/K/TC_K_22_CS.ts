/** TC_K_22_CS: a profile stops applying at its validTo, on the station and on every EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, checkPeriod, compositeScheduleReported, limitAt, limitOf, secondsFromNow, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_22_CS',
  name: 'Set Charging Profile - ValidTo',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.37'],
  detects: ['smartCharging.validityIgnored'],
  applicable: smartChargingRequired,
  notes:
    'An Absolute TxDefaultProfile on EVSE 0 from now (validFrom now - <Configured max time deviation>) to validTo now + 300 s, with <Configured duration> ' +
    'and one period at 6 times the limit multiplier. Steps 3-4 run for EVSE 0 and each EVSE of the run config; on EVSE 0 the limit is 6 times the ' +
    'number of EVSEs. After validTo (300 - x) a period must start; its limit (the station limit) is not validated.',
  async run(ctx) {
    const { maxTimeDeviationSeconds } = ctx.config.configured;
    const now = Date.now();
    const validTo = secondsFromNow(300, now);
    const profile = buildProfile(ctx.config, { purpose: 'TxDefaultProfile', validFrom: secondsFromNow(-maxTimeDeviationSeconds, now), validTo, startSchedule: secondsFromNow(0, now) });
    await setChargingProfile(ctx, '1-2. harness sends a TxDefaultProfile for EVSE 0 valid for 300 s, station accepts it', 0, profile, 'Accepted');
    const evses = ctx.config.station.evses.map((e) => e.id);
    for (const evseId of [0, ...evses]) {
      const composite = await compositeScheduleReported(ctx, `3-4. harness asks for 400 s of composite schedule of EVSE ${evseId}, station answers`, evseId, 400);
      await ctx.step(`4. EVSE ${evseId}: limit 6${evseId === 0 ? ` times ${evses.length} EVSEs` : ''} until validTo, then another period`, () => {
        ctx.check.equal('chargingSchedulePeriod limit at startPeriod 0', limitAt(composite.schedule, 0), limitOf(ctx.config, 6) * (evseId === 0 ? evses.length : 1));
        checkPeriod(ctx, composite, (Date.parse(validTo) - composite.start) / 1000, undefined, 'at validTo');
      });
    }
  },
});
