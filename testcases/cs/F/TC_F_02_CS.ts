/** TC_F_02_CS: the CSMS starts the transaction before the EV is plugged in, and with AuthorizeRemoteStart true the station authorizes the idToken first. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, energyTransferStarted, ifImplemented, setting, withSession } from '../states';

export default defineTestCase({
  id: 'TC_F_02_CS',
  name: 'Remote start transaction - Remote start first - AuthorizeRemoteStart is true',
  sut: 'CS',
  useCases: ['F02'],
  requirements: ['F02.FR.01', 'F01.FR.01'],
  detects: ['remoteStart.noAuthorize', 'remoteStart.notRemote'],
  configuration: [...AUTHORIZATION_ON, ifImplemented(setting('AuthCtrlr', 'AuthorizeRemoteStart', 'true'))],
  notes:
    'The optional Before state ParkingBayOccupied is taken when the station has a bay sensor (configured.parkingBaySensor). ' +
    'Authorized (remote) waits for the AuthorizeRequest the station sends for the idToken (AuthorizeRemoteStart true); the station ' +
    'may send it before or after it answers RequestStartTransaction, and the harness answers it either way.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('1. the CSMS starts the transaction remotely (Authorized, remote)', () => authorized(session, 'remote'));
      await ctx.step('2. the EV is plugged in and energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
