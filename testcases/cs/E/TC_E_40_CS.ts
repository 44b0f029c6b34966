/** TC_E_40_CS: a station that loses its connection during a transaction queues the events and sends them marked offline when back. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkQueuedMeterUpdates, energyTransferStarted, OFFLINE_RETRY, offlineWhileCharging, queuedEvents, SAMPLED_UPDATES, setting, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_40_CS',
  name: 'Offline Behaviour - Connection loss during transaction',
  sut: 'CS',
  useCases: ['E11'],
  requirements: ['E11.FR.01', 'E11.FR.02', 'E11.FR.06'],
  detects: ['offline.flagMissing', 'offline.notQueued', 'meterValues.noPeriodic'],
  configuration: [...SAMPLED_UPDATES, setting('SampledDataCtrlr', 'Enabled', 'true'), ...OFFLINE_RETRY],
  notes: 'Step 3 checks the first event from the queue and every following one marked offline (the queue ends at the first event without offline true).',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await offlineWhileCharging(session);
      const queued = await queuedEvents(session, '3-4. station sends its queued TransactionEventRequests');
      await ctx.step('3. checks of the queued events', () => checkQueuedMeterUpdates(session, queued));
    });
  },
});
