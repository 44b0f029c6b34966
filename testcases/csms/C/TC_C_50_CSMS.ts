/** TC_C_50_CSMS: the CSMS checks the contract certificate hash data of a Plug & Charge authorization by OCSP and accepts a good one. */
import { defineTestCase } from '../../../src/engine/testcase';
import { accepted, authorizeWithContract, energyTransferStarted, evConnectedPreSession, leaveIdle, newTransaction, sendAuthorized } from '../states';

export default defineTestCase({
  id: 'TC_C_50_CSMS',
  name: 'Authorization using Contract Certificates 15118 - Online - Local contract certificate validation - Accepted',
  sut: 'CSMS',
  useCases: ['C07'],
  requirements: ['C07.FR.04'],
  detects: ['contract.noOcspCheck', 'contract.ocspAfterAnswer'],
  notes:
    'Following the errata (2024-11), the idToken is <Configured eMAID> (configured.emaid) of type eMAID, the CN of the ' +
    'harness\'s contract certificate. That certificate is issued per run under the MO sub-CAs of the run\'s PKI; the hash data ' +
    'of the whole chain name the harness\'s OCSP service (configured.ocspResponder), which the CSMS must reach. Part 6 lists ' +
    'the TransactionEventResponse validation under step 4; it concerns step 6. It numbers the last step 5 again; here it is 7. ' +
    'Steps 2-3 come before step 4, so the OCSP request only counts when it reaches the harness\'s service before the AuthorizeResponse.',
  async run(ctx) {
    const { step, config } = ctx;
    const tx = newTransaction(config, { token: { idToken: config.configured.emaid, type: 'eMAID' } });
    await evConnectedPreSession(ctx, tx);
    await authorizeWithContract(ctx, { idToken: tx.idToken, send: 'hashData', contractStatus: { status: 'good' }, expectIdTokenStatus: 'Accepted', expectCertificateStatus: 'Accepted' });
    await sendAuthorized(ctx, '5-6. harness sends TransactionEventRequest (Authorized) with the eMAID', tx, tx.idToken, accepted());
    await step('7. the energy transfer starts', () => energyTransferStarted(ctx, tx));
    await leaveIdle(ctx, tx);
  },
});
