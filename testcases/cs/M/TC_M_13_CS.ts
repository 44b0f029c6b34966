/** TC_M_13_CS: the station lists the manufacturer root it was given. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, getInstalledCertificates } from '../states';

export default defineTestCase({
  id: 'TC_M_13_CS',
  name: 'Retrieve certificates from Charging Station - ManufacturerRootCertificate',
  sut: 'CS',
  useCases: ['M03'],
  requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04'],
  detects: ['certificates.installNotStored'],
  async run(ctx) {
    const pem = await certificateInstalled(ctx, 'ManufacturerRootCertificate', 'Before: Memory State CertificateInstalled for ManufacturerRootCertificate');
    await getInstalledCertificates(ctx, ['ManufacturerRootCertificate'], [{ type: 'ManufacturerRootCertificate', pem }], '1. Reusable State GetInstalledCertificates for ManufacturerRootCertificate');
  },
});
