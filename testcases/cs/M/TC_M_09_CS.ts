/** TC_M_09_CS: with AdditionalRootCertificateCheck true, a new CSMS root that the installed one did not sign is refused, and the installed root stays. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredRoot, describeChain, endpointsOf, entryIsRoot, installedCertificateIds } from '../states';

export default defineTestCase({
  id: 'TC_M_09_CS',
  name: 'Install CA certificate - AdditionalRootCertificateCheck - Rejected',
  sut: 'CS',
  useCases: ['M05'],
  requirements: ['M05.FR.10', 'M05.FR.11'],
  detects: ['certificates.additionalRootCheckIgnored'],
  applicable: (config) => (config.configured.additionalRootCertificateCheck ? undefined : 'the station does not have AdditionalRootCertificateCheck true (configured.additionalRootCertificateCheck, Part 5 AS-2)'),
  notes:
    '<Configured CSMSRootCertificate> is the run PKI\'s CSMS root CA 2, a self-signed root the installed CSMS root did not sign. ' +
    '<Configured old CSMS Root certificate> is the run\'s CSMS root CA (of security.keyAlgorithm), the one the station connects with.',
  async run(ctx) {
    const { step, check, csms, config } = ctx;
    const unsigned = await configuredRoot(ctx, 'CSMSRootCertificate');
    const old = (await endpointsOf(ctx).material.credential('csms-root-ca', config.security.keyAlgorithm)).certificatePem;
    await step('1-2. harness sends InstallCertificateRequest (CSMSRootCertificate) with a root the installed one did not sign', async () => {
      const response = await csms.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: unsigned });
      check.equal('InstallCertificateResponse.status', response.status, 'Rejected');
    });
    await step('3-4. harness sends GetInstalledCertificateIdsRequest for CSMSRootCertificate', async () => {
      const response = await installedCertificateIds(ctx, ['CSMSRootCertificate']);
      check.equal('GetInstalledCertificateIdsResponse.status', response.status, 'Accepted');
      const chain = response.certificateHashDataChain ?? [];
      check.that('certificateHashDataChain holds the old CSMS root', chain.some((e) => e.certificateType === 'CSMSRootCertificate' && entryIsRoot(e, old)), 'an entry for the CSMS root CA the station connects with', describeChain(chain));
    });
  },
});
