/** TC_C_53_CS: the CSMS finds the contract chain the station passed on revoked: the EV is not authorized and does not charge. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { pncApplicable, pncOnline, pncRefused, v2gCertificatesInstalled, withoutMoRoot } from '../states';

export default defineTestCase({
  id: 'TC_C_53_CS',
  name: 'Authorization using Contract Certificates 15118 - Online - Central contract validation fails',
  sut: 'CS',
  useCases: ['C07'],
  requirements: [],
  detects: ['pnc.noCentralCertificate', 'pnc.chargesWhenRejected', 'auth.acceptsInvalidToken'],
  configuration: pncOnline(true, false),
  applicable: pncApplicable(true),
  notes:
    'Memory states as errata 2025-09 6.2.35 / 2025-02 6.2.39: the V2G root and no MO root (the harness deletes any MO root ' +
    'first, as in TC_C_52_CS). Part 6 lists no requirement. The harness answers the eMAID Invalid in ' +
    'TransactionEventResponses too; the post scenario validation watches for <Configured message timeout>.',
  run: relyingOnFeature('centralContractValidation', async (ctx) => {
    await withoutMoRoot(ctx);
    await v2gCertificatesInstalled(ctx, ['V2GRootCertificate']);
    await pncRefused(ctx, { idTokenInfo: { status: 'Invalid' }, certificateStatus: 'CertificateRevoked' }, 'certificate');
  }),
});
