/** TC_E_05_CS: an authorization with no EV plugged in times out after EVConnectionTimeOut, and the EVSE can still start a new session. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, energyTransferStarted, EV_CONNECTION_TIMEOUT, evConnectionTimedOut, ifImplemented, setting, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_05_CS',
  name: 'Local start transaction - Authorization first - Cable plugin timeout',
  sut: 'CS',
  useCases: ['E03', 'C01', 'C02', 'C04', 'C06'],
  requirements: ['E03.FR.01', 'E03.FR.05', 'E03.FR.06', 'E03.FR.12', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'],
  detects: ['evConnectionTimeout.ignored', 'auth.noAuthorizeRequest'],
  configuration: [EV_CONNECTION_TIMEOUT, ...AUTHORIZATION_ON, ifImplemented(setting('AuthCacheCtrlr', 'Enabled', 'false')), setting('AuthCtrlr', 'LocalPreAuthorize', 'false')],
  notes:
    'Step 1 is expected only when the transaction has started (the harness saw its Started event); it may take up to ' +
    '<Configured ev_connection_timeout> plus the message timeout. Without a transaction the harness waits <Configured ' +
    'ev_connection_timeout> before step 3, so the second authorization comes after the first has expired. With TxStopPoint ' +
    'Authorized the event must end the transaction with stoppedReason Timeout, otherwise it is Updated; with PowerPathClosed (an ' +
    'authorization-bound stop point Part 6 does not mention here) either is accepted.',
  async run(ctx) {
    const { step, check } = ctx;
    await withSession(ctx, async (session) => {
      await step('Before: reach state Authorized (local)', () => authorized(session, 'local'));
      const { stopPoints } = await session.settings();
      await evConnectionTimedOut(session, '1-2. station reports the timeout', (event) => {
        if (stopPoints.has('Authorized')) {
          check.equal('TransactionEventRequest.eventType', event.eventType, 'Ended');
          check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'Timeout');
        } else if (!stopPoints.has('PowerPathClosed')) {
          check.equal('TransactionEventRequest.eventType', event.eventType, 'Updated');
        }
      });
      await step('3. authorize locally again, to see the EVSE can start a session (Authorized, local)', () => authorized(session, 'local'));
      await step('4. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
