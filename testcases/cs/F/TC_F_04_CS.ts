/** TC_F_04_CS: a remote start whose EV never arrives ends after EVConnectionTimeOut, and the EVSE takes a new remote start. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, EV_CONNECTION_TIMEOUT, evConnectionTimedOut, txStartPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_F_04_CS',
  name: 'Remote start transaction - Remote start first - Cable plugin timeout',
  sut: 'CS',
  useCases: ['F02', 'E03'],
  requirements: ['F02.FR.01', 'E03.FR.01', 'E03.FR.05'],
  detects: ['evConnectionTimeout.ignored', 'remoteStart.notRemote'],
  configuration: [EV_CONNECTION_TIMEOUT, ...AUTHORIZATION_ON, txStartPoint('Authorized')],
  notes:
    'Part 6 allows TxStartPoint ParkingBayOccupancy or Authorized; the harness sets Authorized, so the remote start opens the ' +
    'transaction (errata 2025-02 6.2.57: the prerequisite applies only where supported). Step 1 waits up to <Configured ' +
    'ev_connection_timeout> plus the message timeout for the Ended event with triggerReason EVConnectTimeout. A status report the ' +
    'station may send meanwhile is allowed and not judged. Step 3 starts remotely again to show the EVSE is ready for a new session.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state Authorized (remote)', () => authorized(session, 'remote'));
      await evConnectionTimedOut(session, '1-2. station ends the transaction for the EV that did not connect', (event) => ctx.check.equal('TransactionEventRequest.eventType', event.eventType, 'Ended'));
      await ctx.step('3. the CSMS starts a transaction remotely again (Authorized, remote)', () => authorized(session, 'remote'));
    });
  },
});
