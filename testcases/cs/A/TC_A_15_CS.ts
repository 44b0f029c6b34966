/** TC_A_15_CS: the station handles a SignCertificateRequest the CSMS rejects. */
import { defineTestCase } from '../../../src/engine/testcase';
import { withSecurityProfile, triggerSigning } from '../states';

export default defineTestCase({
  id: 'TC_A_15_CS',
  name: 'Update Charging Station Certificate by request of CSMS - SignCertificateRequest Rejected',
  sut: 'CS',
  useCases: ['A02'],
  requirements: [],
  detects: ['certificates.triggerRejected'],
  notes: 'Part 6 lists no requirement and validates only the TriggerMessageResponse; the CSR is still checked as in the other A02 cases.',
  async run(ctx) {
    await withSecurityProfile(ctx, [3], async () => {
      await triggerSigning(ctx, 'SignChargingStationCertificate', 'chargingStation', { trigger: '1-2. harness sends TriggerMessageRequest (SignChargingStationCertificate), station accepts', sign: '3-4. station sends SignCertificateRequest, harness rejects it', answer: 'Rejected' });
    });
  },
});
