/** TC_E_12_CS: with TxStartPoint ParkingBayOccupancy, the EV entering the bay starts the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { authorized, energyTransferStarted, evConnectedPreSession, parkingBayOccupied, txStartPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_12_CS',
  name: 'Start transaction options - ParkingBayOccupied',
  sut: 'CS',
  useCases: ['E01'],
  requirements: ['E01.FR.01', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'],
  detects: ['txStartPoint.ignored', 'transaction.noStartedEvent'],
  configuration: [txStartPoint('ParkingBayOccupancy')],
  applicable: (config) => (config.configured.parkingBaySensor ? undefined : 'the station has no parking bay sensor (configured.parkingBaySensor is false)'),
  notes:
    'TxStartPoint is set to ParkingBayOccupancy alone. Errata 2025-09 6.2.44 extends the case with Authorized, EVConnectedPreSession and ' +
    'EnergyTransferStarted; the original step (eventType Started, triggerReason EVDetected) is the step of ParkingBayOccupied, whose ' +
    'eventType the general first-event rule checks.',
  run: relyingOnFeature('parkingBaySensor', async (ctx) => {
    await withSession(ctx, async (session) => {
      await ctx.step('1. the EV enters the bay (ParkingBayOccupied)', () => parkingBayOccupied(session));
      await ctx.step('2. authorize (Authorized)', () => authorized(session));
      await ctx.step('3. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await ctx.step('4. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
    });
  }),
});
