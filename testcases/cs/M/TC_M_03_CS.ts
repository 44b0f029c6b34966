/** TC_M_03_CS: the station installs a V2G root and lists it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, getInstalledCertificates } from '../states';

export default defineTestCase({
  id: 'TC_M_03_CS',
  name: 'Install CA certificate - V2GRootCertificate',
  sut: 'CS',
  useCases: ['M05'],
  requirements: ['M05.FR.01', 'M05.FR.02'],
  detects: ['certificates.installNotStored'],
  notes: 'The certificate is the run PKI\'s V2G root CA (EC P-256, as ISO 15118-2 asks).',
  async run(ctx) {
    const pem = await certificateInstalled(ctx, 'V2GRootCertificate', '1. Memory State CertificateInstalled for V2GRootCertificate');
    await getInstalledCertificates(ctx, ['V2GRootCertificate'], [{ type: 'V2GRootCertificate', pem }], '2. Reusable State GetInstalledCertificates for V2GRootCertificate');
  },
});
