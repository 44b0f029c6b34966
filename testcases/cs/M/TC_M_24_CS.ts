/** TC_M_24_CS: after a V2G certificate renewal the station asks for the OCSP status of the new certificate and of its sub-CAs, and takes the Accepted answers. */
import { defineTestCase } from '../../../src/engine/testcase';
import { certificateStatusRequested, v2gOcspAnswer } from '../states';

export default defineTestCase({
  id: 'TC_M_24_CS',
  name: 'Get Charging Station Certificate status - Success',
  sut: 'CS',
  useCases: ['M06'],
  requirements: ['M06.FR.06', 'M06.FR.07'],
  detects: ['certificates.noStatusRequest', 'certificates.statusForLeafOnly'],
  notes:
    'Errata 2025-09 (TC_M_24_CS): steps 1-2 repeat for the leaf and each sub-CA (M06.FR.07); the harness waits until every certificate of the V2GCertificateChain the station then lists was asked about. ' +
    'Each answer is an OCSP response (good) the harness signs with the issuer of the certificate asked about.',
  async run(ctx) {
    await certificateStatusRequested(ctx, (call) => v2gOcspAnswer(ctx, call));
  },
});
