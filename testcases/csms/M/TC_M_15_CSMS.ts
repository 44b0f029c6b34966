/** TC_M_15_CSMS: the CSMS asks the station for its V2G certificate chains and takes the answer with the sub-CAs as children of the leaf. */
import { defineTestCase } from '../../../src/engine/testcase';
import { harnessTrustStore, harnessV2gChain, installedCertificatesRequested } from '../states';

export default defineTestCase({
  id: 'TC_M_15_CSMS',
  name: 'Retrieve certificates from Charging Station - V2GCertificateChain',
  sut: 'CSMS',
  useCases: ['M03'],
  requirements: ['M03.FR.01', 'M03.FR.05'],
  detects: ['certificates.listTypeDropped'],
  notes: 'The harness station reports the SECC certificate of the run\'s PKI with CPO sub-CAs 2 and 1 as childCertificateHashData.',
  async run(ctx) {
    const held = [...(await harnessTrustStore(ctx)), await harnessV2gChain(ctx)];
    await installedCertificatesRequested(ctx, '1. Reusable State GetInstalledCertificates for V2GCertificateChain', ['V2GCertificateChain'], held);
  },
});
