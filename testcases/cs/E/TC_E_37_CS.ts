/** TC_E_37_CS: with TxStopPoint PowerPathClosed, losing the EV at its side ends the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferSuspended, evSideDisconnected, setting, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_37_CS',
  name: 'Stop transaction options - PowerPathClosed - EV side disconnect',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.06', 'E06.FR.15'],
  detects: ['transaction.wrongStoppedReason', 'ev.suspendNotReported'],
  configuration: [txStopPoint('PowerPathClosed'), setting('TxCtrlr', 'StopTxOnEVSideDisconnect', 'false')],
  notes: 'TxStopPoint is set to PowerPathClosed alone.',
  async run(ctx) {
    const { step } = ctx;
    await withSession(ctx, async (session) => {
      await step('Before: reach state EnergyTransferSuspended', () => energyTransferSuspended(session));
      await evSideDisconnected(session, '1-2. station ends the transaction for the EV lost at its side', { stoppedReasons: ['EVDisconnected', 'StoppedByEV'], eventType: 'Ended' });
    });
  },
});
