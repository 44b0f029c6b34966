/** TC_A_23_CS: a station whose CSR gets no certificate sends it again after CertSigningWaitMinimum, then after twice that. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkCsr, sendSignedCertificate, setting, signerFor, triggerSigning } from '../states';

/** Timer granularity allowed when comparing the station's resend delay with the wait (ms). */
const CLOCK_SLACK_MS = 10;

export default defineTestCase({
  id: 'TC_A_23_CS',
  name: 'Update Charging Station Certificate by request of CSMS - CertificateSignedRequest Timeout',
  sut: 'CS',
  useCases: ['A02', 'F06'],
  requirements: ['A02.FR.17', 'A02.FR.18'],
  detects: ['certificates.resendTooEarly', 'certificates.triggerRejected'],
  configuration: [setting('SecurityCtrlr', 'CertSigningWaitMinimum', (c) => String(c.security.certSigningWaitMinimum)), setting('SecurityCtrlr', 'CertSigningRepeatTimes', '1')],
  notes:
    `Delays are measured from the harness answering a SignCertificateRequest to it receiving the next (less ${CLOCK_SLACK_MS} ms of timer ` +
    'granularity). Errata 2025-02: the harness then sends a CertificateSignedRequest for each of the three CSRs; each may be Accepted or ' +
    'Rejected, and at least one must be Accepted.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    const wait = config.security.certSigningWaitMinimum * 1000;
    const first = await triggerSigning(ctx, 'SignChargingStationCertificate', 'chargingStation', { trigger: '1-2. harness sends TriggerMessageRequest (SignChargingStationCertificate), station accepts', sign: '3-4. station sends SignCertificateRequest, harness accepts it' });
    const csrs = [first.payload.csr];
    let answeredAt = Date.now();
    for (const [title, factor] of [['5-7. harness sends no certificate; station sends SignCertificateRequest again after CertSigningWaitMinimum, harness accepts it', 1], ['8-10. station sends SignCertificateRequest again after twice CertSigningWaitMinimum, harness accepts it', 2]] as const) {
      await step(title, async () => {
        const again = await csms.expect('SignCertificate', { timeoutMs: wait * factor + config.timeouts.connectMs, description: 'the resent SignCertificateRequest' });
        const waited = again.receivedAt.getTime() - answeredAt;
        check.that('delay before the SignCertificateRequest is sent again', waited >= wait * factor - CLOCK_SLACK_MS, `at least ${wait * factor} ms`, `${waited} ms`);
        await checkCsr(ctx, again.payload.csr, 'chargingStation');
        again.respond({ status: 'Accepted' });
        answeredAt = Date.now();
        csrs.push(again.payload.csr);
      });
    }
    const statuses: string[] = [];
    for (const [index, csr] of csrs.entries()) {
      const signed = await sendSignedCertificate(ctx, `${11 + 2 * index}-${12 + 2 * index}. harness sends CertificateSignedRequest for CSR ${index + 1}, station answers`, csr, await signerFor(ctx, 'chargingStation', csr), 'ChargingStationCertificate', ['Accepted', 'Rejected']);
      statuses.push(signed.status);
    }
    await step('Post scenario: at least one certificate accepted', () => check.that('CertificateSignedResponse statuses', statuses.includes('Accepted'), 'at least one Accepted', statuses.join(', ')));
  },
});
