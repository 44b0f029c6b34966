/** TC_A_14_CS: the station rejects a certificate outside its CSMS hierarchy, discards it, and reports InvalidChargingStationCertificate. */
import { defineTestCase } from '../../../src/engine/testcase';
import { securityEvent, withSecurityProfile, sendSignedCertificate, signerFor, triggerSigning } from '../states';

export default defineTestCase({
  id: 'TC_A_14_CS',
  name: 'Update Charging Station Certificate by request of CSMS - Invalid certificate',
  sut: 'CS',
  useCases: ['A02'],
  requirements: ['A02.FR.07', 'A03.FR.07'],
  detects: ['certificates.acceptsInvalidCertificate'],
  notes: '<Configured invalid_signingCertificate> is the certificate made from the station\'s own CSR but signed by the generated unknown root CA, which the station does not trust.',
  async run(ctx) {
    await withSecurityProfile(ctx, [3], async () => {
      const request = await triggerSigning(ctx, 'SignChargingStationCertificate', 'chargingStation', { trigger: '1-2. harness sends TriggerMessageRequest (SignChargingStationCertificate), station accepts', sign: '3-4. station sends SignCertificateRequest, harness accepts it' });
      await sendSignedCertificate(ctx, '5-6. harness sends CertificateSignedRequest with an invalid certificate, station answers', request.payload.csr, await signerFor(ctx, 'untrusted', request.payload.csr), 'ChargingStationCertificate', ['Rejected']);
      await securityEvent(ctx, '7-8. station sends SecurityEventNotificationRequest, harness answers', 'InvalidChargingStationCertificate');
    });
  },
});
