/** TC_M_14_CS: the station lists the V2G root it was given. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, getInstalledCertificates } from '../states';

export default defineTestCase({
  id: 'TC_M_14_CS',
  name: 'Retrieve certificates from Charging Station - V2GRootCertificate',
  sut: 'CS',
  useCases: ['M03'],
  requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04'],
  detects: ['certificates.installNotStored'],
  async run(ctx) {
    const pem = await certificateInstalled(ctx, 'V2GRootCertificate', 'Before: Memory State CertificateInstalled for V2GRootCertificate');
    await getInstalledCertificates(ctx, ['V2GRootCertificate'], [{ type: 'V2GRootCertificate', pem }], '1. Reusable State GetInstalledCertificates for V2GRootCertificate');
  },
});
