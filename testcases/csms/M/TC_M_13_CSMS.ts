/** TC_M_13_CSMS: the CSMS asks the station for its manufacturer root certificates. */
import { defineTestCase } from '../../../src/engine/testcase';
import { harnessTrustStore, installedCertificatesRequested } from '../states';

export default defineTestCase({
  id: 'TC_M_13_CSMS',
  name: 'Retrieve certificates from Charging Station - ManufacturerRootCertificate',
  sut: 'CSMS',
  useCases: ['M03'],
  requirements: ['M03.FR.01'],
  detects: ['certificates.listTypeDropped'],
  async run(ctx) {
    await installedCertificatesRequested(ctx, '1. Reusable State GetInstalledCertificates for ManufacturerRootCertificate', ['ManufacturerRootCertificate'], await harnessTrustStore(ctx));
  },
});
