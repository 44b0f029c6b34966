/** TC_K_52_CS: a charging limit set by an external system is reported as a ChargingStationExternalConstraints profile. */
import { defineTestCase } from '../../../src/engine/testcase';
import { chargingProfilesReported, smartChargingRequired } from '../states';

/** The limit the external system imposes, A per phase (any limit will do; Part 6 names none). */
const EXTERNAL_LIMIT_AMPS = 16;

export default defineTestCase({
  id: 'TC_K_52_CS',
  name: 'Set External Charging Limit (not on a transaction) - ChargingStationExternalConstraints in report',
  sut: 'CS',
  useCases: ['K12'],
  requirements: ['K12.FR.05'],
  detects: ['smartCharging.externalWrongPurpose'],
  applicable: smartChargingRequired,
  notes:
    `The external limit is a driver action (externalChargingLimit, ${EXTERNAL_LIMIT_AMPS} A per phase on the whole station), lifted again when the case ends. ` +
    'The NotifyChargingLimitRequest the station may send about it is answered and not judged here (Part 6 names none).',
  async run(ctx) {
    await ctx.step('Before: an external system imposes a charging limit on the station', async () => {
      ctx.defer('lift the external charging limit', () => ctx.perform({ kind: 'externalChargingLimit' }));
      await ctx.perform({ kind: 'externalChargingLimit', amps: EXTERNAL_LIMIT_AMPS });
    });
    const report = await chargingProfilesReported(
      ctx,
      ['1-2. harness asks for the ChargingStationExternalConstraints profiles, station accepts', '3-4. station reports them, harness answers each report'],
      { chargingProfile: { chargingProfilePurpose: 'ChargingStationExternalConstraints' } },
      'Accepted',
    );
    await ctx.step('3. every reported profile is a ChargingStationExternalConstraints, at least one', () => {
      ctx.check.that('number of reported profiles', report.profiles.length > 0, 'at least one', String(report.profiles.length));
      for (const { profile } of report.profiles) ctx.check.equal(`chargingProfile ${profile.id}.chargingProfilePurpose`, profile.chargingProfilePurpose, 'ChargingStationExternalConstraints');
    });
  },
});
