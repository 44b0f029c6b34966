/** TC_E_20_CS: with TxStopPoint EVConnected and StopTxOnEVSideDisconnect false, losing the EV at its side still ends the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferSuspended, evSideDisconnected, setting, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_20_CS',
  name: 'Stop transaction options - EVDisconnected - EV side (able to charge IEC 61851-1 EV)',
  sut: 'CS',
  useCases: ['E06', 'E10'],
  requirements: ['E06.FR.02', 'E06.FR.15'],
  detects: ['transaction.wrongStoppedReason', 'ev.suspendNotReported'],
  configuration: [txStopPoint('EVConnected'), setting('TxCtrlr', 'StopTxOnEVSideDisconnect', 'false')],
  notes: 'TxStopPoint is set to EVConnected alone. The reference station charges IEC 61851-1 EVs.',
  async run(ctx) {
    const { step } = ctx;
    await withSession(ctx, async (session) => {
      await step('Before: reach state EnergyTransferSuspended', () => energyTransferSuspended(session));
      await evSideDisconnected(session, '1-2. station ends the transaction for the EV lost at its side', { stoppedReasons: ['EVDisconnected'], eventType: 'Ended' });
    });
  },
});
