/** TC_H_22_CSMS: the CSMS copes with a station that refuses reservations. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsReserves } from '../states';

export default defineTestCase({
  id: 'TC_H_22_CSMS',
  name: 'Reserve a specific EVSE - Configured to Reject',
  sut: 'CSMS',
  useCases: ['H01'],
  requirements: [],
  detects: ['reservation.notSent'],
  notes: 'The CSMS is asked to reserve <Configured evseId>; the harness answers Rejected. Part 6 lists no tool validation; the fields of the request are checked as in the other reservation cases.',
  async run(ctx) {
    await csmsReserves(ctx, '1-2. the CSMS, asked to reserve <Configured evseId>, sends ReserveNowRequest; harness rejects it', { evseId: ctx.config.configured.evseId }, 'Rejected');
  },
});
