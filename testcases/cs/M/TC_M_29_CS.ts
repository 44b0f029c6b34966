/** TC_M_29_CS: the CSMS fails an EV's contract certificate update; the station must not authorize the EV with it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evContractCertificate, pncApplicable, pncOnline } from '../states';

export default defineTestCase({
  id: 'TC_M_29_CS',
  name: 'Certificate Update EV - Failed',
  sut: 'CS',
  useCases: ['M02'],
  requirements: ['M02.FR.01'],
  detects: ['certificates.evActionSwapped'],
  configuration: pncOnline(false, true),
  applicable: pncApplicable(),
  notes:
    'Before: Plug & Charge and ISO15118Ctrlr.ContractCertificateInstallationEnabled on (as the C07 cases set them). The harness has no EXI codec: the EV is asked (driver action evRequestsContractCertificate) to make the request, the exiResponse is an opaque stand-in; after Failed the harness watches for an AuthorizeRequest during its message timeout.',
  async run(ctx) {
    await evContractCertificate(ctx, 'Update', false);
  },
});
