/** TC_M_02_CS: the station installs the manufacturer root and lists it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, getInstalledCertificates } from '../states';

export default defineTestCase({
  id: 'TC_M_02_CS',
  name: 'Install CA certificate - ManufacturerRootCertificate',
  sut: 'CS',
  useCases: ['M05'],
  requirements: ['M05.FR.01', 'M05.FR.02'],
  detects: ['certificates.installNotStored'],
  notes: 'The certificate is the run PKI\'s manufacturer root CA, the root the harness signs firmware under; a station that has it already replaces it (M05.FR.17).',
  async run(ctx) {
    const pem = await certificateInstalled(ctx, 'ManufacturerRootCertificate', '1. Memory State CertificateInstalled for ManufacturerRootCertificate');
    await getInstalledCertificates(ctx, ['ManufacturerRootCertificate'], [{ type: 'ManufacturerRootCertificate', pem }], '2. Reusable State GetInstalledCertificates for ManufacturerRootCertificate');
  },
});
