/** TC_H_14_CS: as many reservations without an EVSE as there are EVSEs: each is accepted and then every connector shows Reserved. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { ConfiguredIdToken } from '../../../src/engine/config';
import { connectorsOf, connectorsReported, nonEvseSpecificRequired, reservationEnabled, reserveNowAnswered, withReservationsCancelled } from '../states';

export default defineTestCase({
  id: 'TC_H_14_CS',
  name: 'Reserve an unspecified EVSE - Amount of EVSEs available equals the amount of reservations',
  sut: 'CS',
  useCases: ['H01'],
  requirements: ['H01.FR.20'],
  detects: ['reservation.notReported', 'reservation.nonSpecificRejected'],
  applicable: nonEvseSpecificRequired,
  configuration: [reservationEnabled(true)],
  notes:
    'Steps 1-2 are repeated once per configured EVSE, each with another idToken (valid_idtoken, valid_idtoken2, then generated ones ' +
    'of the same type). Step 3 ends once every connector has been reported Reserved, reports sent after the first request counting.',
  async run(ctx) {
    const { evses } = ctx.config.station;
    const { valid, valid2 } = ctx.config.configured.idTokens;
    const tokenFor = (i: number): ConfiguredIdToken => (i === 0 ? valid : i === 1 ? valid2 : { idToken: `${valid.idToken}R${i}`, type: valid.type });
    await withReservationsCancelled(ctx, async () => {
      let since = 0;
      for (const [i] of evses.entries()) {
        const { at } = await reserveNowAnswered(ctx, `1-2. harness sends ReserveNowRequest ${i + 1} of ${evses.length} without evseId for '${tokenFor(i).idToken}', station accepts`, { idToken: tokenFor(i) }, 'Accepted');
        if (i === 0) since = at;
      }
      await connectorsReported(ctx, '3-4. station reports all its connectors Reserved', connectorsOf(ctx, {}), 'Reserved', since);
    });
  },
});
