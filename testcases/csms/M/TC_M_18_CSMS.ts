/** TC_M_18_CSMS: the CSMS asks for every installed certificate, without naming a type. */
import { defineTestCase } from '../../../src/engine/testcase';
import { harnessTrustStore, installedCertificatesRequested } from '../states';

export default defineTestCase({
  id: 'TC_M_18_CSMS',
  name: 'Retrieve certificates from Charging Station - All certificateTypes',
  sut: 'CSMS',
  useCases: ['M03'],
  requirements: ['M03.FR.01'],
  detects: ['certificates.listTypeAdded'],
  async run(ctx) {
    await installedCertificatesRequested(ctx, '1-2. CSMS sends GetInstalledCertificateIdsRequest without certificateType, harness lists its whole trust store', [], await harnessTrustStore(ctx));
  },
});
