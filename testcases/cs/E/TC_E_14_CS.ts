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
    '(Remote or EVDisconnected after a remote stop, else Local, EVDisconnected or omitted). That erratum is newer and more specific than ' +
    'the general rule of §2.1 (Local or omitted after a local stop), so EVDisconnected is allowed after a local stop here.',
  async run(ctx) {
    const { step, check } = ctx;
    await withSession(ctx, async (session) => {
      await step('Before: reach state EVConnectedPostSession', () => evConnectedPostSession(session));
      const localStopReasons = ['Local', 'EVDisconnected', undefined];
      const event = await step('1-4. disconnect the EV (EVDisconnected)', () => evDisconnected(session, { localStopReasons }));
      await step('3. the event of the lost EV ends the transaction', () => {
        check.equal('TransactionEventRequest.eventType', event?.eventType, 'Ended');
        const allowed = session.stoppedVia === 'remote' ? ['Remote', 'EVDisconnected'] : localStopReasons;
        check.oneOf('TransactionEventRequest.transactionInfo.stoppedReason', event?.transactionInfo.stoppedReason, allowed);
      });
    });
  },
});
