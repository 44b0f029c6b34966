/** TC_M_28_CSMS: an EV asks, through the station, for an update of its contract certificate; the CSMS answers with the update response. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evCertificateRequested } from '../states';

export default defineTestCase({
  id: 'TC_M_28_CSMS',
  name: 'Certificate Update EV - Success',
  sut: 'CSMS',
  useCases: ['M02'],
  requirements: ['M02.FR.01'],
  detects: ['certificates.evCertificateFailed'],
  notes: 'The harness cannot encode ISO 15118 EXI: it sends an opaque stand-in as exiRequest and checks only that the CSMS answers Accepted with a Base64 exiResponse. A CSMS that decodes the request and answers Failed for it fails here; judge such a result by hand.',
  async run(ctx) {
    await evCertificateRequested(ctx, 'Update');
  },
});
