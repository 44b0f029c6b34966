/** TC_K_52_CSMS: the CSMS reads the station's charging profiles and takes a report of the limits an external system imposed. */
import { defineTestCase } from '../../../src/engine/testcase';
import { installedProfile, profilesAsked, profilesReported } from '../states';

export default defineTestCase({
  id: 'TC_K_52_CSMS',
  name: 'Set / Update External Charging Limit (not on a transaction) - ChargingStationExternalConstraints in report',
  sut: 'CSMS',
  useCases: ['K12'],
  requirements: [],
  detects: ['smartCharging.externalProfilesRefused', 'smartCharging.reportRefused'],
  notes:
    'Part 6 names no criteria: the operator is asked for the profiles set by an energy management system (chargingLimitSource ' +
    'EMS) on any EVSE. The harness reports one ChargingStationExternalConstraints profile of the station (evseId 0).',
  async run(ctx) {
    const request = await profilesAsked(ctx, undefined, { chargingLimitSource: 'EMS' });
    await profilesReported(ctx, '3-4. harness reports a ChargingStationExternalConstraints profile with the requestId; the CSMS answers', request.requestId, [{ evseId: 0, chargingLimitSource: 'EMS', profiles: [installedProfile(ctx, { id: 7500, purpose: 'ChargingStationExternalConstraints' })] }]);
  },
});
