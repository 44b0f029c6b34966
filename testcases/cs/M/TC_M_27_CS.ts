/** TC_M_27_CS: the CSMS fails an EV's contract certificate installation; the station must not authorize the EV with it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evContractCertificate, pncApplicable, pncOnline } from '../states';

export default defineTestCase({
  id: 'TC_M_27_CS',
  name: 'Certificate Installation EV - Failed',
  sut: 'CS',
  useCases: ['M01'],
  requirements: [],
  detects: ['certificates.evActionSwapped'],
  configuration: pncOnline(false, true),
  applicable: pncApplicable(),
  notes:
    'Before: Plug & Charge and ISO15118Ctrlr.ContractCertificateInstallationEnabled on (as the C07 cases set them). The harness has no EXI codec: the EV is asked (driver action evRequestsContractCertificate) to make the request, the exiResponse is an opaque stand-in; after Failed the harness watches for an AuthorizeRequest during its message timeout.',
  async run(ctx) {
    await evContractCertificate(ctx, 'Install', false);
  },
});
