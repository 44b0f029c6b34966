/** TC_F_07_CS: with no cable in the connector, the station still tries to unlock it and reports that it did. */
import { defineTestCase } from '../../../src/engine/testcase';
import { unlockAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_07_CS',
  name: 'Remote unlock Connector - Without ongoing transaction - No cable connected',
  sut: 'CS',
  useCases: ['F05'],
  requirements: ['F05.FR.01', 'F05.FR.06'],
  detects: ['unlock.failsWithoutCable', 'unlock.lockStuck'],
  notes: 'The connector has no cable and no transaction (the state every case leaves the station in). F05.FR.06: the station tries the lock anyway and returns the result.',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    await unlockAnswered(ctx, evseId, connectorId, 'Unlocked');
  },
});
