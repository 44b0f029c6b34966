/** TC_A_13_CSMS: the CSMS renews a combined V2G / Charging Station certificate on request, signed within the V2G hierarchy. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkSignedChain, csmsProfileIn, noteCertificateProperties, renewalRequested, trustedRootsFor } from '../states';

export default defineTestCase({
  id: 'TC_A_13_CSMS',
  name: 'Update Charging Station Certificate by request of CSMS - Success - Combined Certificate',
  sut: 'CSMS',
  useCases: ['A02'],
  requirements: ['A02.FR.11'],
  detects: ['certificates.wrongTrigger', 'certificates.signRejected'],
  notes:
    'Errata 2025-02 removed this case from the certification program; it is kept for completeness. <Configured CSR> is a CSR the harness makes ' +
    '(EC, CN = station id) and the SignCertificateRequest names no certificateType. Key size, PEM, serial and CN are recorded without failing the case.',
  async run(ctx) {
    await csmsProfileIn(ctx, [3], { connected: true });
    await renewalRequested(ctx, {
      trigger: '1-2. CSMS sends TriggerMessageRequest (SignCombinedCertificate), harness accepts it',
      sign: '3-4. harness sends SignCertificateRequest, CSMS accepts it',
      signed: '5-6. CSMS sends CertificateSignedRequest, harness accepts it',
      requestedMessage: 'SignCombinedCertificate',
      answer: 'Accepted',
      validate: async (request) => {
        await checkSignedChain(ctx, request.certificateChain, await trustedRootsFor(ctx, 'v2g'), 'the V2G root or a sub-CA of the configured V2G chain');
        noteCertificateProperties(ctx, request.certificateChain, true);
      },
    });
  },
});
