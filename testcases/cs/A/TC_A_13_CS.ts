/** TC_A_13_CS: on request the station makes one CSR for a combined V2G / Charging Station certificate and accepts the V2G-signed result. */
import { defineTestCase } from '../../../src/engine/testcase';
import { withSecurityProfile, sendSignedCertificate, signerFor, triggerSigning } from '../states';

export default defineTestCase({
  id: 'TC_A_13_CS',
  name: 'Update Charging Station Certificate by request of CSMS - Success - Combined Certificate',
  sut: 'CS',
  useCases: ['A00', 'A02'],
  requirements: ['A00.FR.428', 'A02.FR.02', 'A02.FR.03', 'A02.FR.06'],
  detects: ['certificates.triggerRejected'],
  notes:
    'Errata 2025-02 removed this case from the certification program; it is kept for completeness. The CSR is signed by V2G sub-CA 2 and the ' +
    'CertificateSignedRequest names no certificateType (one certificate for both uses).',
  async run(ctx) {
    await withSecurityProfile(ctx, [3], async () => {
      const request = await triggerSigning(ctx, 'SignCombinedCertificate', 'anyKey224', { trigger: '1-2. harness sends TriggerMessageRequest (SignCombinedCertificate), station accepts', sign: '3-4. station sends SignCertificateRequest, harness accepts it' });
      await sendSignedCertificate(ctx, '5-6. harness sends CertificateSignedRequest signed by V2G sub-CA 2, station answers', request.payload.csr, await signerFor(ctx, 'v2g', request.payload.csr), undefined, ['Accepted']);
    });
  },
});
