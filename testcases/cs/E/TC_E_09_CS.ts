/** TC_E_09_CS: with TxStartPoint EVConnected, plugging in starts the transaction and charging follows the authorization. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, energyTransferStarted, evConnectedPreSession, parkingBayOccupied, txStartPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_09_CS',
  name: 'Start transaction options - EVConnected',
  sut: 'CS',
  useCases: ['E01'],
  requirements: ['E01.FR.02', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'],
  detects: ['transaction.noStartedEvent', 'transaction.noEvse', 'connector.noOccupiedStatus'],
  configuration: [txStartPoint('EVConnected')],
  notes:
    'TxStartPoint is set to EVConnected alone. Errata 2025-09 6.2.44 turns the main scenario into EVConnectedPreSession, Authorized and ' +
    'EnergyTransferStarted; the checks of the original step 3 (Started, CablePluggedIn or ChargingStateChanged, evse and connector, ' +
    'chargingState EVConnected) are those of EVConnectedPreSession for a session that had no transaction yet.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state ParkingBayOccupied', () => parkingBayOccupied(session));
      await ctx.step('1. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await ctx.step('2. authorize (Authorized)', () => authorized(session));
      await ctx.step('3. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  },
});
