/** TC_M_07_CS: an expired certificate offered as CSMSRootCertificate is refused and does not show up among the installed ones. */
import { defineTestCase } from '../../../src/engine/testcase';
import { describeChain, endpointsOf, entryIsRoot, installedCertificateIds } from '../states';

export default defineTestCase({
  id: 'TC_M_07_CS',
  name: 'Install CA certificate - Rejected - Certificate invalid',
  sut: 'CS',
  useCases: ['M05'],
  requirements: ['M05.FR.01', 'M05.FR.07'],
  detects: ['certificates.acceptsInvalidCaCertificate'],
  notes: '<Generated Expired Certificate> is the run PKI\'s expired certificate (csms-server-expired, which expired yesterday). Step 4 checks that no entry names it; Part 6 calls it the new CSMS root there.',
  async run(ctx) {
    const { step, check, csms, config } = ctx;
    const expired = (await endpointsOf(ctx).material.credential('csms-server-expired', config.security.keyAlgorithm)).certificatePem;
    await step('1-2. harness sends InstallCertificateRequest (CSMSRootCertificate) with an expired certificate', async () => {
      const response = await csms.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: expired });
      check.equal('InstallCertificateResponse.status', response.status, 'Rejected');
    });
    await step('3-4. harness sends GetInstalledCertificateIdsRequest for CSMSRootCertificate', async () => {
      const response = await installedCertificateIds(ctx, ['CSMSRootCertificate']);
      check.equal('GetInstalledCertificateIdsResponse.status', response.status, 'Accepted');
      const chain = response.certificateHashDataChain ?? [];
      const listed = chain.some((entry) => entry.certificateType === 'CSMSRootCertificate' && entryIsRoot(entry, expired));
      check.that('certificateHashDataChain does not hold the refused certificate', !listed, 'no entry for it', describeChain(chain));
    });
  },
});
