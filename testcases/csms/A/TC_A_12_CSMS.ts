/** TC_A_12_CSMS: the CSMS renews the station's ISO 15118 V2G certificate on request, signed within the V2G hierarchy. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkSignedChain, noteCertificateProperties, renewalRequested, trustedRootsFor } from '../states';

export default defineTestCase({
  id: 'TC_A_12_CSMS',
  name: 'Update Charging Station Certificate by request of CSMS - Success - V2G Certificate',
  sut: 'CSMS',
  useCases: ['A02', 'F06'],
  requirements: ['A02.FR.11', 'F06.FR.01'],
  detects: ['certificates.wrongTrigger', 'certificates.signRejected'],
  notes: 'The CSR carries <Configured Country>, <Configured Organization> and <Configured OrganizationalUnit> (security.country, organization, organizationalUnit). Key size and PEM are recorded without failing the case, as Part 6 says.',
  async run(ctx) {
    await renewalRequested(ctx, {
      trigger: '1-2. CSMS sends TriggerMessageRequest (SignV2GCertificate), harness accepts it',
      sign: '3-4. harness sends SignCertificateRequest (V2GCertificate), CSMS accepts it',
      signed: '5-6. CSMS sends CertificateSignedRequest, harness accepts it',
      requestedMessage: 'SignV2GCertificate',
      certificateType: 'V2GCertificate',
      answer: 'Accepted',
      validate: async (request) => {
        await checkSignedChain(ctx, request.certificateChain, await trustedRootsFor(ctx, 'v2g'), 'the V2G root or a sub-CA of the configured V2G chain');
        noteCertificateProperties(ctx, request.certificateChain, false);
      },
    });
  },
});
