/** TC_H_08_CSMS: asked by its operator, the CSMS reserves any EVSE of the station for an idToken. */
import { defineTestCase } from '../../../src/engine/testcase';
import { connectorsBackToAvailable, connectorsReportedTo, csmsReserves } from '../states';

export default defineTestCase({
  id: 'TC_H_08_CSMS',
  name: 'Reserve an unspecified EVSE - Accepted',
  sut: 'CSMS',
  useCases: ['H01', 'H03'],
  requirements: [],
  detects: ['reservation.evseAdded', 'reservation.wrongIdToken'],
  notes: 'Step 3 (the harness reports its connector Reserved) is taken only when the harness is configured with one EVSE, as Part 6 says.',
  async run(ctx) {
    const { config } = ctx;
    await csmsReserves(ctx, '1-2. the CSMS, asked to reserve any EVSE, sends ReserveNowRequest; harness accepts', {});
    if (config.station.evses.length === 1) {
      await connectorsReportedTo(ctx, '3-4. harness reports its connector Reserved; the CSMS answers', [{ id: config.configured.evseId, connectorId: config.configured.connectorId }], 'Reserved');
      await connectorsBackToAvailable(ctx);
    } else await ctx.step('3-4. not executed: the harness has more than one EVSE', () => undefined);
  },
});
