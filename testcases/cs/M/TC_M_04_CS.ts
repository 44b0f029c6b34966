/** TC_M_04_CS: the station installs a mobility operator root and lists it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, getInstalledCertificates } from '../states';

export default defineTestCase({
  id: 'TC_M_04_CS',
  name: 'Install CA certificate - MORootCertificate',
  sut: 'CS',
  useCases: ['M05'],
  requirements: ['M05.FR.01', 'M05.FR.02'],
  detects: ['certificates.installNotStored'],
  notes: 'The certificate is the run PKI\'s MO root CA (EC P-256, as ISO 15118-2 asks).',
  async run(ctx) {
    const pem = await certificateInstalled(ctx, 'MORootCertificate', '1. Memory State CertificateInstalled for MORootCertificate');
    await getInstalledCertificates(ctx, ['MORootCertificate'], [{ type: 'MORootCertificate', pem }], '2. Reusable State GetInstalledCertificates for MORootCertificate');
  },
});
