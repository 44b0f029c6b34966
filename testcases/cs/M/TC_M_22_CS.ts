/** TC_M_22_CS: asked to delete a certificate it does not have, the station answers NotFound. */
import { defineTestCase } from '../../../src/engine/testcase';
import { endpointsOf, hashOfRoot, installedCertificateIds } from '../states';

export default defineTestCase({
  id: 'TC_M_22_CS',
  name: 'Delete a certificate from a Charging Station - No matching certificate found',
  sut: 'CS',
  useCases: ['M04'],
  requirements: ['M04.FR.01', 'M04.FR.04'],
  detects: ['certificates.deleteUnknownAccepted'],
  notes: 'The unknown certificate is the run PKI\'s unknown root CA, which no station is given. Step 1 is the reusable state without a certificate of its own: its answer must be Accepted (the station holds the CSMS root it connects with).',
  async run(ctx) {
    const { step, check, csms, config } = ctx;
    const listed = await step('1. Reusable State GetInstalledCertificates for CSMSRootCertificate', async () => {
      const response = await installedCertificateIds(ctx, ['CSMSRootCertificate']);
      check.equal('GetInstalledCertificateIdsResponse.status', response.status, 'Accepted');
      return response;
    });
    const unknown = (await endpointsOf(ctx).material.credential('unknown-root-ca', config.security.keyAlgorithm)).certificatePem;
    await step('2-3. harness sends DeleteCertificateRequest for a certificate the station never had', async () => {
      const response = await csms.call('DeleteCertificate', { certificateHashData: hashOfRoot(unknown, listed.certificateHashDataChain?.[0]?.certificateHashData) });
      check.equal('DeleteCertificateResponse.status', response.status, 'NotFound');
    });
  },
});
