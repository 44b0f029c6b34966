/** TC_E_50_CS: a TransactionEventRequest the CSMS answers with CALLERROR is sent MessageAttempts times, then dropped. */
import { defineTestCase } from '../../../src/engine/testcase';
import { retriesAfterConnection, RETRY_SETTINGS } from '../states';

export default defineTestCase({
  id: 'TC_E_50_CS',
  name: 'Retry sending transaction message when failed - Max retry count reached - CallError',
  sut: 'CS',
  useCases: ['E13'],
  requirements: ['E13.FR.01', 'E13.FR.02', 'E13.FR.03', 'E13.FR.04'],
  detects: ['retry.none', 'retry.endless'],
  configuration: RETRY_SETTINGS,
  applicable: (config) => (config.configured.messageAttemptsTransactionEvent > 1 ? undefined : 'needs <Configured message_attempts_transaction_event> > 1'),
  notes: 'Every transmission of the event after EVConnectedPreSession gets CALLERROR InternalError; retransmissions must come MessageAttemptInterval × earlier transmissions apart (±1 s).',
  run: (ctx) => retriesAfterConnection(ctx, { treat: () => 'callError', transmissions: ctx.config.configured.messageAttemptsTransactionEvent, withMessageTimeout: false }),
});
