/** TC_M_19_CS: asked for a certificate type it holds none of (MORootCertificate), the station answers NotFound without a chain. */
import { defineTestCase } from '../../../src/engine/testcase';
import { installedCertificateIds } from '../states';

export default defineTestCase({
  id: 'TC_M_19_CS',
  name: 'Retrieve certificates from Charging Station - No matching certificate found',
  sut: 'CS',
  useCases: ['M03'],
  requirements: ['M03.FR.01', 'M03.FR.02'],
  detects: ['certificates.listIgnoresType'],
  async run(ctx) {
    const { step, check, csms } = ctx;
    await step('Before: every MORootCertificate the station holds is deleted', async () => {
      const listed = await installedCertificateIds(ctx, ['MORootCertificate']);
      for (const entry of listed.certificateHashDataChain ?? []) {
        if (entry.certificateType !== 'MORootCertificate') continue;
        const deleted = await csms.call('DeleteCertificate', { certificateHashData: entry.certificateHashData });
        check.equal('DeleteCertificateResponse.status (MORootCertificate)', deleted.status, 'Accepted');
      }
    });
    await step('1-2. harness sends GetInstalledCertificateIdsRequest for MORootCertificate', async () => {
      const response = await installedCertificateIds(ctx, ['MORootCertificate']);
      check.equal('GetInstalledCertificateIdsResponse.status', response.status, 'NotFound');
      check.equal('GetInstalledCertificateIdsResponse.certificateHashDataChain', response.certificateHashDataChain, undefined);
    });
  },
});
