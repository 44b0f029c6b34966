/** TC_P_04_CS: a station takes a charging profile that carries customData, in the profile and in its schedule period. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOn } from '../../../src/engine/claims';
import { customData } from '../../custom-data';

export default defineTestCase({
  id: 'TC_P_04_CS',
  name: 'Able to receive customData - ChargingProfile',
  sut: 'CS',
  useCases: [],
  requirements: [],
  detects: ['chargingProfile.customDataRejected', 'chargingProfile.txDefaultRejected', 'customData.refused'],
  applicable: (config) => (config.configured.smartCharging ? undefined : 'the station does not support Smart Charging (configured.smartCharging is false)'),
  notes:
    'The profile is a TxDefaultProfile for <Configured evseId> with one period from 0 s: 6 A, or 6000 W when <Configured chargingRateUnit> ' +
    'is W, stack level 0. Part 6 names no clean-up; the harness clears the profile by its id afterwards (clean-up, not a step of the case) ' +
    'so nothing of it outlives the case.',
  async run({ step, csms, check, config, defer }) {
    const { id, durationSeconds, chargingRateUnit, numberPhases } = config.configured.chargingProfile;
    const data = customData(config);
    defer('clear the charging profile the case set', async () => {
      if (csms.connection) await csms.call('ClearChargingProfile', { chargingProfileId: id });
    });
    await step('1-2. harness sends a TxDefaultProfile carrying customData, station answers', async () => {
      const response = await csms.call('SetChargingProfile', {
        evseId: config.configured.evseId,
        chargingProfile: {
          id,
          stackLevel: 0,
          chargingProfilePurpose: 'TxDefaultProfile',
          chargingProfileKind: 'Absolute',
          customData: data,
          chargingSchedule: [
            {
              id,
              startSchedule: new Date().toISOString(),
              duration: durationSeconds,
              chargingRateUnit,
              chargingSchedulePeriod: [{ startPeriod: 0, limit: chargingRateUnit === 'A' ? 6 : 6000, numberPhases, customData: data }],
            },
          ],
        },
      });
      await relyingOn(config, 'smartCharging', async () => check.equal('SetChargingProfileResponse.status', response.status, 'Accepted'));
    });
  },
});
