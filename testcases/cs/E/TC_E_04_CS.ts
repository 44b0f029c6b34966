/** TC_E_04_CS: the driver authorizes locally first, then connects the EV, and charging starts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, energyTransferStarted, parkingBayOccupied, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_04_CS',
  name: 'Local start transaction - Authorization first - Success',
  sut: 'CS',
  useCases: ['E03', 'C01', 'C02', 'C04', 'C06'],
  requirements: ['E03.FR.01', 'E03.FR.06', 'E03.FR.12', 'E01.FR.16', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'],
  detects: ['auth.noAuthorizeRequest', 'transaction.wrongSeqNo', 'transaction.noIdToken', 'connector.noOccupiedStatus'],
  configuration: AUTHORIZATION_ON,
  notes: 'ParkingBayOccupied (optional in Part 6) runs when configured.parkingBaySensor is true. Part 6 "AuthCtrlr.AuthEnabled" is AuthCtrlr.Enabled.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state ParkingBayOccupied', () => parkingBayOccupied(session));
      await ctx.step('1. authorize locally (Authorized, local)', () => authorized(session, 'local'));
      await ctx.step('2. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
