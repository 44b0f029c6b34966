/** TC_C_52_CSMS: the CSMS validates a contract certificate chain sent as PEM: to its trusted root, then by OCSP. */
import { defineTestCase } from '../../../src/engine/testcase';
import { accepted, authorizeWithContract, energyTransferStarted, evConnectedPreSession, leaveIdle, newTransaction, sendAuthorized } from '../states';

export default defineTestCase({
  id: 'TC_C_52_CSMS',
  name: 'Authorization using Contract Certificates 15118 - Online - Central contract certificate validation - Accepted',
  sut: 'CSMS',
  useCases: ['C07'],
  requirements: ['C07.FR.04', 'C07.FR.05'],
  detects: ['contract.noOcspCheck', 'contract.ignoresPemChain', 'contract.ocspAfterAnswer', 'contract.wrongIssuerKeyHash'],
  notes:
    'Following the errata (2024-09), the idToken is <Configured valid_idtoken>, and the chain is the harness\'s own: a ' +
    'contract certificate (CN <Configured eMAID>, ECDSA P-256, OCSP responder = the harness\'s OCSP service) with two MO ' +
    'sub-CAs (the errata of 2025-02 ask for at least one). The key type and sub-CA count are properties of what the harness ' +
    'sends, not validations of the CSMS. The prerequisite that the CSMS trusts the MO root is a driver action. The last step, ' +
    'numbered 5 again in Part 6, is 7 here. The OCSP request (steps 2-3) only counts when it comes before the AuthorizeResponse ' +
    '(step 4); its CertID, which the CSMS computes itself here, may use SHA-1 or SHA-2 (RFC 6960 allows either).',
  async run(ctx) {
    const { step, config } = ctx;
    const tx = newTransaction(config);
    await evConnectedPreSession(ctx, tx);
    await authorizeWithContract(ctx, { idToken: tx.idToken, send: 'certificate', contractStatus: { status: 'good' }, expectIdTokenStatus: 'Accepted', expectCertificateStatus: 'Accepted' });
    await sendAuthorized(ctx, '5-6. harness sends TransactionEventRequest (Authorized) with the valid idToken', tx, tx.idToken, accepted());
    await step('7. the energy transfer starts', () => energyTransferStarted(ctx, tx));
    await leaveIdle(ctx, tx);
  },
});
