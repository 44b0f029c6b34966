/** TC_M_14_CSMS: the CSMS asks the station for its V2G root certificates. */
import { defineTestCase } from '../../../src/engine/testcase';
import { harnessTrustStore, installedCertificatesRequested } from '../states';

export default defineTestCase({
  id: 'TC_M_14_CSMS',
  name: 'Retrieve certificates from Charging Station - V2GRootCertificate',
  sut: 'CSMS',
  useCases: ['M03'],
  requirements: ['M03.FR.01'],
  detects: ['certificates.listTypeDropped'],
  async run(ctx) {
    await installedCertificatesRequested(ctx, '1. Reusable State GetInstalledCertificates for V2GRootCertificate', ['V2GRootCertificate'], await harnessTrustStore(ctx));
  },
});
