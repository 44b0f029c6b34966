/** TC_M_16_CSMS: the CSMS asks the station for its mobility operator root certificates. */
import { defineTestCase } from '../../../src/engine/testcase';
import { harnessTrustStore, installedCertificatesRequested } from '../states';

export default defineTestCase({
  id: 'TC_M_16_CSMS',
  name: 'Retrieve certificates from Charging Station - MORootCertificate',
  sut: 'CSMS',
  useCases: ['M03'],
  requirements: ['M03.FR.01'],
  detects: ['certificates.listTypeDropped'],
  async run(ctx) {
    await installedCertificatesRequested(ctx, '1. Reusable State GetInstalledCertificates for MORootCertificate', ['MORootCertificate'], await harnessTrustStore(ctx));
  },
});
