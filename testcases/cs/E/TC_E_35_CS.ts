/** TC_E_35_CS: with TxStopPoint PowerPathClosed, RequestStopTransaction ends the transaction with stoppedReason Remote. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, stopAuthorized, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_35_CS',
  name: 'Stop transaction options - PowerPathClosed - Remote stop',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.06', 'E06.FR.15'],
  detects: ['txStopPoint.ignored', 'remoteStop.rejected', 'remoteStop.noTrigger'],
  configuration: [txStopPoint('PowerPathClosed')],
  notes:
    'TxStopPoint is set to PowerPathClosed alone. With errata 2025-09 6.2.49 the validations are: RemoteStop in one of the events, the ' +
    'last one Ended with stoppedReason Remote. StopAuthorized (remote), which the case runs, checks the last event; as its RemoteStop ' +
    'event is optional (errata 2025-09 6.2.117), the case then checks that one event of the transaction had triggerReason RemoteStop. ' +
    "The state's wait of the Transaction Duration comes before step 1.",
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await ctx.step('1-4. stop remotely (StopAuthorized, remote)', () => stopAuthorized(session, 'remote'));
      await ctx.step('3. one of the events of the stop has triggerReason RemoteStop', () => {
        const triggers = (session.monitor.current?.events ?? []).map((e) => e.triggerReason);
        ctx.check.that('TransactionEventRequest.triggerReason (one of the events)', triggers.includes('RemoteStop'), 'RemoteStop', triggers.join(', '));
      });
    });
  },
});
