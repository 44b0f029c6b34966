/** TC_B_44_CSMS: the CSMS sets a new network connection profile and copes with the station answering Failed. */
import { defineTestCase } from '../../../src/engine/testcase';
import { networkProfileSent } from '../states';

export default defineTestCase({
  id: 'TC_B_44_CSMS',
  name: 'Set new NetworkConnectionProfile - Failed',
  sut: 'CSMS',
  useCases: ['B09'],
  requirements: ['B09.FR.03'],
  detects: ['networkProfile.notSent'],
  notes:
    'Part 6 lists no tool validation: the case fails when the SetNetworkProfileRequest does not come (it is asked for with the ' +
    'setNetworkProfile driver action, as in TC_B_42_CSMS) or when the CSMS breaks OCPP-J or drops the connection over the Failed answer.',
  async run(ctx) {
    await networkProfileSent(ctx, 'Failed');
  },
});
