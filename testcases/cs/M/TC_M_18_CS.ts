/** TC_M_18_CS: asked without a certificateType, the station lists its certificates of every type, the CSMS root and manufacturer root among them. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateInstalled, getInstalledCertificates } from '../states';

export default defineTestCase({
  id: 'TC_M_18_CS',
  name: 'Retrieve certificates from Charging Station - All certificateTypes',
  sut: 'CS',
  useCases: ['M03'],
  requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04'],
  detects: ['certificates.installNotStored'],
  async run(ctx) {
    const csmsRoot = await certificateInstalled(ctx, 'CSMSRootCertificate', 'Before: Memory State CertificateInstalled for CSMSRootCertificate');
    const manufacturerRoot = await certificateInstalled(ctx, 'ManufacturerRootCertificate', 'Before: Memory State CertificateInstalled for ManufacturerRootCertificate');
    await getInstalledCertificates(
      ctx,
      [],
      [
        { type: 'CSMSRootCertificate', pem: csmsRoot },
        { type: 'ManufacturerRootCertificate', pem: manufacturerRoot },
      ],
      '1-2. harness sends GetInstalledCertificateIdsRequest without certificateType; the answer lists both roots',
    );
  },
});
