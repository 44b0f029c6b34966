/** TC_M_12_CS: the station lists the CSMS root it was given. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, getInstalledCertificates } from '../states';

export default defineTestCase({
  id: 'TC_M_12_CS',
  name: 'Retrieve certificates from Charging Station - CSMSRootCertificate',
  sut: 'CS',
  useCases: ['M03'],
  requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04'],
  detects: ['certificates.installNotStored'],
  async run(ctx) {
    const pem = await certificateInstalled(ctx, 'CSMSRootCertificate', 'Before: Memory State CertificateInstalled for CSMSRootCertificate');
    await getInstalledCertificates(ctx, ['CSMSRootCertificate'], [{ type: 'CSMSRootCertificate', pem }], '1. Reusable State GetInstalledCertificates for CSMSRootCertificate');
  },
});
