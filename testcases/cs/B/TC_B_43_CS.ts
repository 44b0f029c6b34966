/** TC_B_43_CS: the station refuses a network connection profile for a configuration slot it does not have. */
import { defineTestCase } from '../../../src/engine/testcase';
import { endpointsOf, setNetworkProfile } from '../states';

/** A configuration slot no station offers (Part 6 step 1). */
const UNKNOWN_SLOT = 999;

export default defineTestCase({
  id: 'TC_B_43_CS',
  name: 'Set new NetworkConnectionProfile - Rejected',
  sut: 'CS',
  useCases: ['B09'],
  requirements: ['B09.FR.02'],
  detects: ['networkProfile.acceptsInvalidProfile'],
  notes:
    'The invalid content is configurationSlot 999 (not in the valuesList of NetworkConfigurationPriority, B09.FR.05). The other fields ' +
    'are the ones the station uses now: the URL of the harness endpoint it is connected to and its current security profile, with ' +
    '<Configured messageTimeout> and <Configured ocppInterface>.',
  async run(ctx) {
    const endpoints = endpointsOf(ctx);
    await setNetworkProfile(ctx, `1-2. harness sends SetNetworkProfileRequest (configurationSlot ${UNKNOWN_SLOT}), station answers`, UNKNOWN_SLOT, endpoints.profile, ['Rejected'], endpoints.connectedUrl);
  },
});
