/** TC_C_51_CSMS: the CSMS learns by OCSP that a contract certificate is revoked and refuses the Plug & Charge authorization. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorizeWithContract, evConnectedPreSession, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_C_51_CSMS',
  name: 'Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Rejected',
  sut: 'CSMS',
  useCases: ['C07'],
  requirements: ['C07.FR.16'],
  detects: ['contract.noOcspCheck', 'contract.ignoresRevocation', 'contract.ocspAfterAnswer'],
  notes:
    'Our copy of Part 6 shows no tool validations here, and its step 3 says the OCSP service reports the certificate valid, ' +
    'against the prerequisite (the contract certificate is revoked). The harness follows the prerequisite: its OCSP service ' +
    'reports the contract certificate revoked, and step 4 expects what C07.FR.16 asks: certificateStatus CertificateRevoked ' +
    'and idTokenInfo.status Invalid. The idToken is <Configured eMAID> (as the errata make it for TC_C_50_CSMS). As in ' +
    'TC_C_50_CSMS, the OCSP request (steps 2-3) only counts when it comes before the AuthorizeResponse (step 4).',
  async run(ctx) {
    const { config } = ctx;
    const tx = newTransaction(config, { token: { idToken: config.configured.emaid, type: 'eMAID' } });
    await evConnectedPreSession(ctx, tx);
    await authorizeWithContract(ctx, {
      idToken: tx.idToken,
      send: 'hashData',
      contractStatus: { status: 'revoked', revokedAt: new Date(Date.now() - 86_400_000) },
      expectIdTokenStatus: 'Invalid',
      expectCertificateStatus: 'CertificateRevoked',
    });
    await leaveIdle(ctx, tx);
  },
});
