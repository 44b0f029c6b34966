/** TC_H_14_CSMS: the CSMS reserves any EVSE as many times as the station has EVSEs; the station then shows every connector Reserved. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsBackToAvailable, connectorsReportedTo, csmsReserves, targetConnectors } from '../states';

export default defineTestCase({
  id: 'TC_H_14_CSMS',
  name: 'Reserve an unspecified EVSE - Amount of EVSEs available equals the amount of reservations',
  sut: 'CSMS',
  useCases: ['H01'],
  requirements: [],
  detects: ['reservation.evseAdded'],
  notes: 'Steps 1-2 are repeated once per configured EVSE; the harness then reports all its connectors Reserved, and Available again afterwards (not part of Part 6).',
  async run(ctx) {
    const { evses } = ctx.config.station;
    for (const [i] of evses.entries()) await csmsReserves(ctx, `1-2. the CSMS, asked for reservation ${i + 1} of ${evses.length} of any EVSE, sends ReserveNowRequest; harness accepts`, {});
    await connectorsReportedTo(ctx, '3-4. harness reports all its connectors Reserved; the CSMS answers', targetConnectors(ctx, {}), 'Reserved');
    await connectorsBackToAvailable(ctx);
  },
});
