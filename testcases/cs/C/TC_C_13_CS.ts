/** TC_C_13_CS: an idToken cached as Accepted authorizes before the cable is plugged in; charging starts once the EV connects. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTH_CACHE_ON, authorizedFromCache, energyTransferStarted, evConnectedPreSession, parkingBayOccupied, validTokenCached, withSession } from '../states';

export default defineTestCase({
  id: 'TC_C_13_CS',
  name: 'Authorization through authorization cache - Accepted but cable not connected yet.',
  sut: 'CS',
  useCases: ['C12'],
  requirements: ['C12.FR.02', 'C12.FR.04'],
  detects: ['authCache.notUsed', 'transaction.noIdToken'],
  configuration: AUTH_CACHE_ON,
  notes:
    'ParkingBayOccupied runs when configured.parkingBaySensor is true. Steps 1-2 come when TxStartPoint contains Authorized or a ' +
    'transaction is already open; either way the station must not send an AuthorizeRequest for the cached token.',
  async run(ctx) {
    await validTokenCached(ctx);
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state ParkingBayOccupied (if applicable)', () => parkingBayOccupied(session));
      await ctx.step('Manual action, 1-2: present the cached valid idToken, the station reports the authorization', () => authorizedFromCache(session, '1-2'));
      await ctx.step('3. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await ctx.step('4. energy starts to flow (EnergyTransferStarted; post scenario: energy transfer started)', () => energyTransferStarted(session));
    });
  },
});
