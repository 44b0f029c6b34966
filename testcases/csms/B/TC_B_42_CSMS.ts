/** TC_B_42_CSMS: the CSMS sets a new network connection profile with the configured connection data; the harness accepts it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredCsmsUrl, networkProfileSent } from '../states';

export default defineTestCase({
  id: 'TC_B_42_CSMS',
  name: 'Set new NetworkConnectionProfile - Accepted',
  sut: 'CSMS',
  useCases: ['B09'],
  requirements: ['B09.FR.01'],
  detects: ['networkProfile.notSent', 'networkProfile.wrongSlot'],
  notes:
    'Part 6 shows no operator step, but a CSMS sends SetNetworkProfileRequest only when asked, so it is the setNetworkProfile driver ' +
    'action naming <Configured configurationSlot> (security.configurationSlot) and <Configured securityProfile> (security.securityProfile). ' +
    '<Configured ocppCsmsUrl> is the URL the run gives for that security profile (security.csmsUrls), else the URL the harness connects to; ' +
    'messageTimeout and ocppInterface are security.messageTimeout and security.ocppInterface. URLs are compared without a trailing slash.',
  async run(ctx) {
    const { check, config } = ctx;
    const url = await configuredCsmsUrl(ctx);
    await networkProfileSent(ctx, 'Accepted', (request) => {
      const data = request.connectionData;
      check.equal('SetNetworkProfileRequest.configurationSlot', request.configurationSlot, config.security.configurationSlot);
      check.equal('connectionData.messageTimeout', data.messageTimeout, config.security.messageTimeout);
      check.equal('connectionData.ocppCsmsUrl', data.ocppCsmsUrl.replace(/\/+$/, ''), url.replace(/\/+$/, ''));
      check.equal('connectionData.ocppInterface', data.ocppInterface, config.security.ocppInterface);
      check.equal('connectionData.ocppTransport', data.ocppTransport, 'JSON');
      check.equal('connectionData.ocppVersion', data.ocppVersion, 'OCPP20');
      check.equal('connectionData.securityProfile', data.securityProfile, config.security.securityProfile);
    });
  },
});
