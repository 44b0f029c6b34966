/** TC_M_17_CSMS: the CSMS asks the station for its CSMS and manufacturer root certificates in one request. */
import { defineTestCase } from '../../../src/engine/testcase';
import { harnessTrustStore, installedCertificatesRequested } from '../states';

export default defineTestCase({
  id: 'TC_M_17_CSMS',
  name: 'Retrieve certificates from Charging Station - CSMSRootCertificate & ManufacturerRootCertificate',
  sut: 'CSMS',
  useCases: ['M03'],
  requirements: ['M03.FR.01'],
  detects: ['certificates.listTypeDropped'],
  async run(ctx) {
    await installedCertificatesRequested(ctx, '1. Reusable State GetInstalledCertificates for CSMSRootCertificate and ManufacturerRootCertificate', ['CSMSRootCertificate', 'ManufacturerRootCertificate'], await harnessTrustStore(ctx));
  },
});
