/** TC_A_02_CSMS: the CSMS refuses Basic auth whose user name is not the station id of the URL. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsProfileIn, reconnectAfterRefusal, refusedConnection } from '../states';

export default defineTestCase({
  id: 'TC_A_02_CSMS',
  name: 'Basic Authentication - Username does not equal ChargingStationId',
  sut: 'CSMS',
  useCases: ['A00'],
  requirements: ['A00.FR.204'],
  precondition: 'none',
  detects: ['security.acceptsWrongUser'],
  applicable: (config) => (config.station.basicAuthPassword === undefined ? 'no station.basicAuthPassword is configured' : undefined),
  notes: 'Part 6 has no tool validation; the refusal itself (any HTTP status, or a closed connection) is the check of step 2. Afterwards the harness connects again with its valid settings (a clean-up, not judged).',
  async run(ctx) {
    await csmsProfileIn(ctx, [1, 2]);
    await refusedConnection(ctx, '1-2. harness connects with user "<station id>Invalid", CSMS refuses the upgrade', { user: `${ctx.config.station.id}Invalid` });
    await reconnectAfterRefusal(ctx);
  },
});
