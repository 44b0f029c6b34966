/** TC_F_06_CSMS: asked by its operator, the CSMS unlocks the configured connector. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsRequests } from '../states';

export default defineTestCase({
  id: 'TC_F_06_CSMS',
  name: 'Remote unlock Connector - Without ongoing transaction - Accepted',
  sut: 'CSMS',
  useCases: ['F05'],
  requirements: [],
  detects: ['unlock.wrongConnector'],
  notes: 'No transaction runs. The harness answers the UnlockConnectorRequest with Unlocked.',
  async run(ctx) {
    const { config, check } = ctx;
    const { evseId, connectorId } = config.configured;
    const request = await csmsRequests(ctx, '1-2. the CSMS, asked to unlock the configured connector, sends UnlockConnectorRequest; harness answers Unlocked', { kind: 'unlockConnector', stationId: config.station.id, evseId, connectorId }, 'UnlockConnector', { status: 'Unlocked' });
    await ctx.step('Step 1: UnlockConnectorRequest as Part 6 lists it', () => {
      check.equal('UnlockConnectorRequest.evseId', request.evseId, evseId);
      check.equal('UnlockConnectorRequest.connectorId', request.connectorId, connectorId);
    });
  },
});
