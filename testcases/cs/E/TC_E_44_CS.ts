/** TC_E_44_CS: a transaction stopped while the station is offline is delivered afterwards with its Ended event, marked offline. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, OFFLINE_RETRY, stoppedOffline, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_44_CS',
  name: 'Offline Behaviour - Stop transaction during offline period',
  sut: 'CS',
  useCases: ['E08'],
  requirements: ['E08.FR.01', 'E08.FR.04', 'E08.FR.05', 'E08.FR.06', 'E08.FR.07', 'E08.FR.08'],
  detects: ['offline.flagMissing', 'offline.notQueued'],
  configuration: OFFLINE_RETRY,
  notes: 'The harness accepts the reconnection as soon as the manual actions are done. The queue is read until its Ended event (or the first event not marked offline).',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await stoppedOffline(session, session.idToken);
    });
  },
});
