/** TC_M_12_CSMS: the CSMS asks for the station's CSMS root certificates three times, and takes the answer hashed with SHA256, SHA384 and SHA512 in turn. */
import { defineTestCase } from '../../../src/engine/testcase';
import { harnessTrustStore, installedCertificatesRequested } from '../states';

export default defineTestCase({
  id: 'TC_M_12_CSMS',
  name: 'Retrieve certificates from Charging Station - CSMSRootCertificate',
  sut: 'CSMS',
  useCases: ['M03'],
  requirements: ['M03.FR.01'],
  detects: ['certificates.listTypeDropped'],
  async run(ctx) {
    const held = await harnessTrustStore(ctx);
    let n = 1;
    for (const algorithm of ['SHA256', 'SHA384', 'SHA512'] as const) {
      await installedCertificatesRequested(ctx, `${n++}. Reusable State GetInstalledCertificates for CSMSRootCertificate, answered with ${algorithm} hashes`, ['CSMSRootCertificate'], held, algorithm);
    }
  },
});
