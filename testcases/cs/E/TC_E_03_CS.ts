/** TC_E_03_CS: the driver connects the EV first, then authorizes locally, and charging starts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, authorized, energyTransferStarted, evConnectedPreSession, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_03_CS',
  name: 'Local start transaction - Cable plugin first - Success',
  sut: 'CS',
  useCases: ['E02', 'C01', 'C02', 'C04', 'C06'],
  requirements: ['E02.FR.01', 'E02.FR.05', 'E02.FR.06', 'E02.FR.07', 'E02.FR.13', 'E02.FR.15', 'E02.FR.16', 'E02.FR.17', 'E01.FR.16', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'],
  detects: ['connector.noOccupiedStatus', 'auth.noAuthorizeRequest', 'transaction.noChargingStart', 'transaction.noEvse'],
  configuration: AUTHORIZATION_ON,
  notes: 'Part 6 "AuthCtrlr.AuthEnabled" is the variable AuthCtrlr.Enabled. The station is authorized with a token (C01); start buttons (C02) are not modelled.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVConnectedPreSession', () => evConnectedPreSession(session));
      await ctx.step('1. authorize locally (Authorized, local)', () => authorized(session, 'local'));
      await ctx.step('2. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
