/** TC_F_05_CS: while an authorized transaction runs on the connector, the station refuses to unlock it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, unlockAnswered, withSession } from '../states';

export default defineTestCase({
  id: 'TC_F_05_CS',
  name: 'Remote unlock Connector - With ongoing transaction',
  sut: 'CS',
  useCases: ['F05'],
  requirements: ['F05.FR.01', 'F05.FR.02'],
  detects: ['unlock.duringTransaction'],
  notes: 'Before: EnergyTransferStarted on <Configured evseId> / <Configured connectorId>. The station has a connector lock (Part 6 prerequisite).',
  async run(ctx) {
    const { evseId, connectorId } = ctx.config.configured;
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await unlockAnswered(ctx, evseId, connectorId, 'OngoingAuthorizedTransaction');
    });
  },
});
