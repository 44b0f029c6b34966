/** TC_F_10_CS: an unlock request for a connector the station does not have is answered UnknownConnector. */
import { defineTestCase } from '../../../src/engine/testcase';
import { unlockAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_10_CS',
  name: 'Remote unlock Connector - Without ongoing transaction - UnknownConnector',
  sut: 'CS',
  useCases: ['F05'],
  requirements: ['F05.FR.03'],
  detects: ['unlock.unknownConnectorUnlocked'],
  notes: 'Part 6 gives connectorId 999 on <Configured evseId>.',
  async run(ctx) {
    await unlockAnswered(ctx, ctx.config.configured.evseId, 999, 'UnknownConnector');
  },
});
