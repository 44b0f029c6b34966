/** TC_M_20_CSMS: the CSMS deletes a CSMS root certificate it installed, using the hash data the station reported, for SHA256, SHA384 and SHA512 in turn. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateDeleted, certificateInstalledByCsms, harnessTrustStore } from '../states';

export default defineTestCase({
  id: 'TC_M_20_CSMS',
  name: 'Delete a certificate from a Charging Station - Success',
  sut: 'CSMS',
  useCases: ['M04'],
  requirements: ['M04.FR.01', 'M04.FR.07'],
  detects: ['certificates.deleteWithSha256', 'certificates.deleteNotSent', 'certificates.installNotSent'],
  notes: 'Each round installs the configured CSMS root (CSMS root CA 2), reports it with that round\'s hash algorithm and expects the delete to name it exactly so. The CSMS side is told which certificate to delete by its serial number.',
  async run(ctx) {
    const store = await harnessTrustStore(ctx);
    for (const algorithm of ['SHA256', 'SHA384', 'SHA512'] as const) {
      await ctx.step(`Steps 1-5 with ${algorithm}`, async () => {
        const pem = await certificateInstalledByCsms(ctx, '1. Reusable State CertificateInstalled for CSMSRootCertificate', 'CSMSRootCertificate');
        const target = { certificateType: 'CSMSRootCertificate' as const, pem };
        await certificateDeleted(ctx, 2, target, [...store, target], algorithm, 'Accepted');
      });
    }
  },
});
