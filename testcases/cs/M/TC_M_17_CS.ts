/** TC_M_17_CS: asked for two certificate types at once, the station lists the CSMS root and the manufacturer root it was given. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, getInstalledCertificates } from '../states';

export default defineTestCase({
  id: 'TC_M_17_CS',
  name: 'Retrieve certificates from Charging Station - CSMSRootCertificate & ManufacturerRootCertificate',
  sut: 'CS',
  useCases: ['M03'],
  requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04'],
  detects: ['certificates.installNotStored'],
  async run(ctx) {
    const csmsRoot = await certificateInstalled(ctx, 'CSMSRootCertificate', 'Before: Memory State CertificateInstalled for CSMSRootCertificate');
    const manufacturerRoot = await certificateInstalled(ctx, 'ManufacturerRootCertificate', 'Before: Memory State CertificateInstalled for ManufacturerRootCertificate');
    await getInstalledCertificates(
      ctx,
      ['CSMSRootCertificate', 'ManufacturerRootCertificate'],
      [
        { type: 'CSMSRootCertificate', pem: csmsRoot },
        { type: 'ManufacturerRootCertificate', pem: manufacturerRoot },
      ],
      '1. Reusable State GetInstalledCertificates for CSMSRootCertificate and ManufacturerRootCertificate',
    );
  },
});
