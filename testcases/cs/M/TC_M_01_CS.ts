/** TC_M_01_CS: the station installs a second CSMS root and lists it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, getInstalledCertificates } from '../states';

export default defineTestCase({
  id: 'TC_M_01_CS',
  name: 'Install CA certificate - CSMSRootCertificate',
  sut: 'CS',
  useCases: ['M05'],
  requirements: ['M05.FR.01', 'M05.FR.02'],
  detects: ['certificates.installNotStored'],
  notes: 'The certificate installed is the run PKI\'s CSMS root CA 2 (csms-root-ca-2), which the station then keeps trusting. Part 6 wants a custom root for a station with AdditionalRootCertificateCheck true (one signed by its current root); the harness has none, so such a station will refuse it (see TC_M_09_CS).',
  async run(ctx) {
    const pem = await certificateInstalled(ctx, 'CSMSRootCertificate', '1. Memory State CertificateInstalled for CSMSRootCertificate (Root 2)');
    await getInstalledCertificates(ctx, ['CSMSRootCertificate'], [{ type: 'CSMSRootCertificate', pem }], '2. Reusable State GetInstalledCertificates for CSMSRootCertificate');
  },
});
