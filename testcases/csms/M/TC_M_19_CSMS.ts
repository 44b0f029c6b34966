/** TC_M_19_CSMS: the CSMS asks for the station's manufacturer root certificates, of which the station has none (NotFound). */
import { defineTestCase } from '../../../src/engine/testcase';
import { harnessTrustStore, installedCertificatesRequested } from '../states';

export default defineTestCase({
  id: 'TC_M_19_CSMS',
  name: 'Retrieve certificates from Charging Station - No matching certificate found',
  sut: 'CSMS',
  useCases: ['M03'],
  requirements: ['M03.FR.01', 'M03.FR.02'],
  detects: ['certificates.listTypeDropped'],
  async run(ctx) {
    const held = (await harnessTrustStore(ctx)).filter((c) => c.certificateType !== 'ManufacturerRootCertificate');
    await installedCertificatesRequested(ctx, '1-2. CSMS sends GetInstalledCertificateIdsRequest for ManufacturerRootCertificate, harness answers NotFound', ['ManufacturerRootCertificate'], held);
  },
});
