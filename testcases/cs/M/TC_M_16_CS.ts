/** TC_M_16_CS: the station lists the mobility operator root it was given. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, getInstalledCertificates } from '../states';

export default defineTestCase({
  id: 'TC_M_16_CS',
  name: 'Retrieve certificates from Charging Station - MORootCertificate',
  sut: 'CS',
  useCases: ['M03'],
  requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04'],
  detects: ['certificates.installNotStored'],
  async run(ctx) {
    const pem = await certificateInstalled(ctx, 'MORootCertificate', 'Before: Memory State CertificateInstalled for MORootCertificate');
    await getInstalledCertificates(ctx, ['MORootCertificate'], [{ type: 'MORootCertificate', pem }], '1. Reusable State GetInstalledCertificates for MORootCertificate');
  },
});
