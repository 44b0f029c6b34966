/** TC_M_24_CSMS: the station asks the CSMS for the OCSP status of the sub-CAs of its V2G certificate chain; the CSMS answers with DER OCSP responses. */
import { defineTestCase } from '../../../src/engine/testcase';
import * as der from '../../../src/pki/der';
import { certificateToPem, certificateHashData } from '../../../src/pki';
import { materialOf, OcspService, type ContractChain } from '../states';

export default defineTestCase({
  id: 'TC_M_24_CSMS',
  name: 'Get Charging Station Certificate status - Success',
  sut: 'CSMS',
  useCases: ['M06'],
  requirements: ['M06.FR.01', 'M06.FR.02', 'M06.FR.03', 'M06.FR.08', 'M06.FR.09'],
  detects: ['certificates.statusFailed'],
  notes:
    'The V2G chain is the run PKI\'s SECC certificate under CPO sub-CAs 2 and 1; the harness asks about both sub-CAs and serves OCSP for them at configured.ocspResponder (the responderURL it sends), as the OCTT OCSP service would. ' +
    'ocspResult must decode to a DER OCSPResponse with responseStatus successful; the harness does not require that the CSMS asked its service (a CSMS may have the answer from elsewhere).',
  async run(ctx) {
    const { step, check, station } = ctx;
    const material = materialOf(ctx);
    const [secc, sub2, sub1, root] = await Promise.all([material.credential('secc', 'ec'), material.credential('v2g-sub-ca-2', 'ec'), material.credential('v2g-sub-ca-1', 'ec'), material.credential('v2g-root-ca', 'ec')]);
    const link = (certificate: typeof secc.certificate, issuer: typeof secc) => ({ certificate, issuer, hashData: certificateHashData(Buffer.from(certificate.rawData), Buffer.from(issuer.certificate.rawData)) });
    const links = [link(secc.certificate, sub2), link(sub2.certificate, sub1), link(sub1.certificate, root)];
    const chain: ContractChain = { links, chainPem: links.map((l) => certificateToPem(l.certificate)).join(''), root };
    const service = await OcspService.start(ctx);
    try {
      service.serve(chain, { status: 'good' });
      let n = 1;
      for (const [name, l] of [['CPO sub-CA 2', links[1]], ['CPO sub-CA 1', links[2]]] as const) {
        await step(`${n}-${n + 1}. harness sends GetCertificateStatusRequest for ${name}, CSMS answers`, async () => {
          const response = await station.call('GetCertificateStatus', { ocspRequestData: { ...l.hashData, responderURL: service.url } });
          check.equal('GetCertificateStatusResponse.status', response.status, 'Accepted');
          let responseStatus: number | undefined;
          try {
            const top = der.readElement(Buffer.from(response.ocspResult ?? '', 'base64'));
            const first = der.children(top)[0];
            responseStatus = first?.tag === der.TAG.enumerated ? first.content[0] : undefined;
          } catch {
            responseStatus = undefined;
          }
          check.that('GetCertificateStatusResponse.ocspResult (a DER OCSPResponse, Base64)', responseStatus === 0, 'an OCSPResponse with responseStatus successful (0)', response.ocspResult === undefined ? '(omitted)' : responseStatus === undefined ? 'not a DER OCSPResponse' : `responseStatus ${responseStatus}`);
        });
        n += 2;
      }
    } finally {
      await service.close();
    }
  },
});
