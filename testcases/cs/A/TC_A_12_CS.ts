/** TC_A_12_CS: on request the station renews its ISO 15118 V2G certificate with an EC key, and accepts the certificate the V2G sub-CA signs. */
import { defineTestCase } from '../../../src/engine/testcase';
import { sendSignedCertificate, signerFor, triggerSigning } from '../states';

export default defineTestCase({
  id: 'TC_A_12_CS',
  name: 'Update Charging Station Certificate by request of CSMS - Success - V2G Certificate',
  sut: 'CS',
  useCases: ['A02', 'F06'],
  requirements: ['A02.FR.02', 'A02.FR.03', 'A02.FR.06', 'A02.FR.13', 'A02.FR.15', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  detects: ['certificates.weakCsrKey', 'certificates.triggerRejected'],
  notes:
    'Memory State RenewV2GChargingStationCertificate with one SECC: the reference station reports no ISO15118Ctrlr.SeccId, so the ' +
    'TriggerMessageRequest names no EVSE and the ISO15118Ctrlr Before settings ("if implemented") are left out. The CSR is signed by ' +
    'V2G sub-CA 2 of the run\'s PKI.',
  async run(ctx) {
    const { step } = ctx;
    await step('1. Memory State RenewV2GChargingStationCertificate', async () => {
      const request = await triggerSigning(ctx, 'SignV2GCertificate', 'v2g', { trigger: '1-2. harness sends TriggerMessageRequest (SignV2GCertificate), station accepts', sign: '3-4. station sends SignCertificateRequest (EC key), harness accepts it', certificateType: 'V2GCertificate' });
      await sendSignedCertificate(ctx, '5-6. harness sends CertificateSignedRequest signed by V2G sub-CA 2, station answers', request.payload.csr, await signerFor(ctx, 'v2g', request.payload.csr), 'V2GCertificate', ['Accepted']);
    });
  },
});
