/** TC_E_46_CS: an ISO 15118 EV that ends the session makes the station report StopAuthorized, ending the transaction when TxStopPoint says so. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_STOPS, authorized, energyTransferStarted, evConnectedPreSession, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_46_CS',
  name: 'End of charging process 15118',
  sut: 'CS',
  useCases: ['E15'],
  requirements: ['E15.FR.04', 'E15.FR.05'],
  detects: ['ev.sessionEndIgnored', 'auth.noAuthorizeRequest'],
  notes:
    'Errata 2025-09 6.2.55: Before states EVConnectedPreSession, Authorized15118 and EnergyTransferStarted. Authorized15118 is run as its EIM ' +
    'variant, which is the Authorized (local) exchange (token, AuthorizeRequest, the event that reports it); Plug and Charge needs an ISO ' +
    '15118 EV simulator the harness does not drive. The SessionStopReq(Terminate) of the EV is the driver action evEndsSession.',
  async run(ctx) {
    const { step, check } = ctx;
    await withSession(ctx, async (session) => {
      await step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await step('Before: reach state Authorized15118 (EIM)', () => authorized(session, 'local'));
      await step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const { stopPoints } = await session.settings();
      const ends = AUTHORIZATION_STOPS.some((point) => stopPoints.has(point));
      await session.act('Manual action: the EV ends the charging session (SessionStopReq Terminate)', { kind: 'evEndsSession', evseId: session.evse.evseId });
      await step('1-2. station reports that the EV ended the authorization', async () => {
        const event = await session.monitor.nextEvent('a TransactionEventRequest for the end of the session');
        check.equal('TransactionEventRequest.eventType', event.eventType, ends ? 'Ended' : 'Updated');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'StopAuthorized');
        if (ends) check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'StoppedByEV');
        check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'EVConnected');
      });
      Object.assign(session, { authorized: false, energyStarted: false });
    });
  },
});
