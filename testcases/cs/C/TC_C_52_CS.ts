/** TC_C_52_CS: a station that cannot validate the contract (no MO root) passes the chain to the CSMS, which accepts it: the EV charges. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { pncApplicable, pncCharging, pncOnline, v2gCertificatesInstalled, withoutMoRoot } from '../states';

export default defineTestCase({
  id: 'TC_C_52_CS',
  name: 'Authorization using Contract Certificates 15118 - Online - Central contract certificate validation - Accepted',
  sut: 'CS',
  useCases: ['C07'],
  requirements: ['C07.FR.01', 'C07.FR.02', 'C07.FR.06'],
  detects: ['pnc.noCentralCertificate', 'auth.noAuthorizeRequest'],
  configuration: pncOnline(true, true),
  applicable: pncApplicable(true),
  notes:
    'Errata 2025-09 6.2.35 / 2025-02 6.2.38: the V2G root is installed (and the V2G certificate renewed if none is ' +
    'reported), no MO root. For the prerequisite the harness first deletes every MORootCertificate the station reports ' +
    '(an earlier case may have installed one). iso15118CertificateHashData may come or not; the certificate must. ' +
    'Settings, OrganizationName and the TxStartPoint condition as for TC_C_50_CS.',
  run: relyingOnFeature('centralContractValidation', async (ctx) => {
    await withoutMoRoot(ctx);
    await v2gCertificatesInstalled(ctx, ['V2GRootCertificate']);
    await pncCharging(ctx, 'certificate');
  }),
});
