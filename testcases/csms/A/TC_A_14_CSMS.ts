/** TC_A_14_CSMS: the CSMS copes with a station that rejects the certificate it signed and reports InvalidChargingStationCertificate. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsProfileIn, renewalRequested } from '../states';

export default defineTestCase({
  id: 'TC_A_14_CSMS',
  name: 'Update Charging Station Certificate by request of CSMS - Invalid certificate',
  sut: 'CSMS',
  useCases: ['A02'],
  requirements: [],
  detects: ['certificates.signRejected'],
  notes: 'Errata 2024-09 adds steps 7-8: the harness reports InvalidChargingStationCertificate and the CSMS must answer it.',
  async run(ctx) {
    const { step, station } = ctx;
    await csmsProfileIn(ctx, [3], { connected: true });
    await renewalRequested(ctx, {
      trigger: '1-2. CSMS sends TriggerMessageRequest (SignChargingStationCertificate), harness accepts it',
      sign: '3-4. harness sends SignCertificateRequest (ChargingStationCertificate), CSMS accepts it',
      signed: '5-6. CSMS sends CertificateSignedRequest, harness rejects it',
      requestedMessage: 'SignChargingStationCertificate',
      certificateType: 'ChargingStationCertificate',
      answer: 'Rejected',
      validate: async () => undefined,
    });
    await step('7-8. harness sends SecurityEventNotificationRequest (InvalidChargingStationCertificate), CSMS answers', () =>
      station.call('SecurityEventNotification', { type: 'InvalidChargingStationCertificate', timestamp: new Date().toISOString(), techInfo: 'certificate rejected by the harness' }),
    );
  },
});
