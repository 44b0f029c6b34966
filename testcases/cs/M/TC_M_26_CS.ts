/** TC_M_26_CS: the station passes an EV's contract certificate installation request on, and the EV then authorizes with its new contract. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evContractCertificate, pncApplicable, pncOnline } from '../states';

export default defineTestCase({
  id: 'TC_M_26_CS',
  name: 'Certificate Installation EV - Success',
  sut: 'CS',
  useCases: ['M01'],
  requirements: ['M01.FR.01'],
  detects: ['certificates.evActionSwapped'],
  configuration: pncOnline(false, true),
  applicable: pncApplicable(),
  notes:
    'Before: Plug & Charge and ISO15118Ctrlr.ContractCertificateInstallationEnabled on (as the C07 cases set them). The harness has no EXI codec: the EV is asked (driver action evRequestsContractCertificate) to make the request, the exiResponse is an opaque stand-in, and the EV then presents the harness\'s contract certificate (driver action presentContractCertificate).',
  async run(ctx) {
    await evContractCertificate(ctx, 'Install', true);
  },
});
