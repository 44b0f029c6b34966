/** TC_F_06_CS: without a transaction, the station unlocks the connector on request. */
import { defineTestCase } from '../../../src/engine/testcase';
import { unlockAnswered, withSession } from '../states';

export default defineTestCase({
  id: 'TC_F_06_CS',
  name: 'Remote unlock Connector - Without ongoing transaction - Accepted',
  sut: 'CS',
  useCases: ['F05'],
  requirements: ['F05.FR.01', 'F05.FR.04'],
  detects: ['unlock.lockStuck'],
  notes:
    'No transaction runs on the connector. Part 6 sets no charging state, so the harness plugs the EV in first (a cable in the ' +
    'socket, no transaction authorized) to unlock something real; TC_F_07_CS covers the connector without a cable.',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    await withSession(ctx, async (session) => {
      await session.act('Before: plug the cable into the connector (no authorization)', { kind: 'plugIn', side: 'station', evseId, connectorId });
      session.cableInStation = true;
      await unlockAnswered(ctx, evseId, connectorId, 'Unlocked');
    });
  },
});
