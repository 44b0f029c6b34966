/** TC_F_03_CS: the CSMS starts the transaction before the EV is plugged in, and with AuthorizeRemoteStart false the station does not ask about the idToken. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, energyTransferStarted, ifImplemented, setting, withSession } from '../states';

export default defineTestCase({
  id: 'TC_F_03_CS',
  name: 'Remote start transaction - Remote start first - AuthorizeRemoteStart is false',
  sut: 'CS',
  useCases: ['F02'],
  requirements: ['F02.FR.01', 'F01.FR.02'],
  detects: ['remoteStart.authorizesAlways', 'remoteStart.notRemote'],
  configuration: [...AUTHORIZATION_ON, ifImplemented(setting('AuthCtrlr', 'AuthorizeRemoteStart', 'false'))],
  notes:
    'The optional Before state ParkingBayOccupied is taken when the station has a bay sensor. With AuthorizeRemoteStart false, ' +
    'F01.FR.02 lets the station start without checking the idToken, and Reusable State Authorized (remote) has no AuthorizeRequest ' +
    'then: an AuthorizeRequest for the idToken during the case fails it.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('1. the CSMS starts the transaction remotely (Authorized, remote)', () => authorized(session, 'remote'));
      await ctx.step('2. the EV is plugged in and energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
      await ctx.step('Authorized (remote) with AuthorizeRemoteStart false: no AuthorizeRequest for the idToken', () => {
        const asked = session.monitor.discard((call) => call.action === 'Authorize');
        ctx.check.that('AuthorizeRequests received during the case', asked.length === 0, 'none', `${asked.length}`);
      });
    });
  },
});
