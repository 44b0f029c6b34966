/** TC_P_04_CS: a station takes a charging profile that carries customData, in the profile and in its schedule period. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOn } from '../../../src/engine/claims';
import { customData } from '../../custom-data';
import { buildProfile, clearAfterwards, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_P_04_CS',
  name: 'Able to receive customData - ChargingProfile',
  sut: 'CS',
  useCases: [],
  requirements: [],
  detects: ['chargingProfile.customDataRejected', 'chargingProfile.txDefaultRejected', 'customData.refused'],
  applicable: smartChargingRequired,
  notes:
    'The profile is a TxDefaultProfile for <Configured evseId> with one period from 0 s at 6 A times the limit multiplier of errata 2025-09 ' +
    '6.2.69 (as the K cases build it), stack level 0. Part 6 names no clean-up; the harness clears the profile by its id afterwards (clean-up, not a step of the case) ' +
    'so nothing of it outlives the case.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    const data = customData(config);
    const profile = buildProfile(config, { purpose: 'TxDefaultProfile' });
    const [schedule] = profile.chargingSchedule;
    const [period] = schedule.chargingSchedulePeriod;
    // customData in the profile and in its schedule period.
    const chargingProfile = { ...profile, customData: data, chargingSchedule: [{ ...schedule, chargingSchedulePeriod: [{ ...period, customData: data }] }] };
    clearAfterwards(ctx, profile.id);
    await step('1-2. harness sends a TxDefaultProfile carrying customData, station answers', async () => {
      const response = await csms.call('SetChargingProfile', { evseId: config.configured.evseId, chargingProfile });
      await relyingOn(config, 'smartCharging', async () => check.equal('SetChargingProfileResponse.status', response.status, 'Accepted'));
    });
  },
});
