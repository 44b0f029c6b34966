/** TC_C_51_CS: the station validates the contract itself, but the CSMS refuses its eMAID (ContractCancelled): the EV is not authorized and does not charge. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { pncApplicable, pncOnline, pncRefused, v2gCertificatesInstalled } from '../states';

export default defineTestCase({
  id: 'TC_C_51_CS',
  name: 'Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Rejected',
  sut: 'CS',
  useCases: ['C07'],
  requirements: ['C07.FR.01', 'C07.FR.02'],
  detects: ['pnc.noHashData', 'pnc.chargesWhenRejected', 'auth.acceptsInvalidToken'],
  configuration: pncOnline(false, false),
  applicable: pncApplicable(),
  notes:
    'Memory states and the TxStartPoint condition as for TC_C_50_CS (errata 2025-09 6.2.35, 2025-02 6.2.37). The harness ' +
    'answers the eMAID Invalid in TransactionEventResponses too. The post scenario validation watches the station for ' +
    '<Configured message timeout> after the AuthorizeResponse.',
  run: relyingOnFeature('iso15118Pnc', async (ctx) => {
    await v2gCertificatesInstalled(ctx, ['V2GRootCertificate', 'MORootCertificate']);
    await pncRefused(ctx, { idTokenInfo: { status: 'Invalid' }, certificateStatus: 'ContractCancelled' }, 'hashData');
  }),
});
