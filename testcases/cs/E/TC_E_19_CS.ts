/** TC_E_19_CS: with TxStopPoint ParkingBayOccupancy, the transaction lasts until the EV leaves the bay. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { evDisconnected, parkingBayUnoccupied, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_19_CS',
  name: 'Stop transaction options - ParkingBayUnoccupied',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.01', 'E06.FR.15'],
  detects: ['txStopPoint.ignored', 'transaction.wrongStoppedReason'],
  configuration: [txStopPoint('ParkingBayOccupancy')],
  applicable: (config) => (config.configured.parkingBaySensor ? undefined : 'the station has no parking bay sensor (configured.parkingBaySensor is false)'),
  notes:
    'TxStopPoint is set to ParkingBayOccupancy alone (Part 6 says ParkingBayOccupied, the value is ParkingBayOccupancy). The main step is ' +
    'the step of ParkingBayUnoccupied, made mandatory here: the transaction must still be open when the EV drives out.',
  run: relyingOnFeature('parkingBaySensor', async (ctx) => {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EVDisconnected', () => evDisconnected(session));
      await ctx.step('1-2. the EV leaves the bay (ParkingBayUnoccupied)', () => parkingBayUnoccupied(session, { required: true }));
    });
  }),
});
