/** TC_E_14_CS: with TxStopPoint EVConnected, unplugging the EV after the stop ends the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { evConnectedPostSession, evDisconnected, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_14_CS',
  name: 'Stop transaction options - EVDisconnected - Charging Station side',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.02', 'E06.FR.15'],
  detects: ['transaction.wrongStoppedReason', 'connector.noAvailableStatus'],
  configuration: [txStopPoint('EVConnected')],
  notes:
    'TxStopPoint is set to EVConnected alone. The main steps (unplug, connector Available, EVCommunicationLost with chargingState Idle) are ' +
    'those of EVDisconnected; the case adds the checks on eventType and stoppedReason, with the reading of errata 2025-09 6.2.51 ' +
    '(Remote or EVDisconnected after a remote stop, else Local, EVDisconnected or omitted).',
  async run(ctx) {
    const { step, check } = ctx;
    await withSession(ctx, async (session) => {
      await step('Before: reach state EVConnectedPostSession', () => evConnectedPostSession(session));
      const event = await step('1-4. disconnect the EV (EVDisconnected)', () => evDisconnected(session));
      await step('3. the event of the lost EV ends the transaction', () => {
        check.equal('TransactionEventRequest.eventType', event?.eventType, 'Ended');
        const allowed = session.stoppedVia === 'remote' ? ['Remote', 'EVDisconnected'] : ['Local', 'EVDisconnected', undefined];
        check.oneOf('TransactionEventRequest.transactionInfo.stoppedReason', event?.transactionInfo.stoppedReason, allowed);
      });
    });
  },
});
