/** TC_E_51_CS: a TransactionEventRequest that failed once with CALLERROR is sent again, and not any more once answered. */
import { defineTestCase } from '../../../src/engine/testcase';
import { retriesAfterConnection, RETRY_SETTINGS } from '../states';

export default defineTestCase({
  id: 'TC_E_51_CS',
  name: 'Retry sending transaction message when failed - Success before reaching the max retry count - CallError',
  sut: 'CS',
  useCases: ['E13'],
  requirements: ['E13.FR.01', 'E13.FR.02', 'E13.FR.03'],
  detects: ['retry.none'],
  configuration: RETRY_SETTINGS,
  applicable: (config) => (config.configured.messageAttemptsTransactionEvent > 2 ? undefined : 'needs <Configured message_attempts_transaction_event> > 2'),
  notes:
    'The harness answers the first transmission with CALLERROR InternalError and the second normally. Part 6 adds MessageTimeout to the ' +
    'expected interval, but a CALLERROR is an answer, so nothing times out: the harness expects MessageAttemptInterval × 1 (E13.FR.03), ±1 s.',
  run: (ctx) => retriesAfterConnection(ctx, { treat: (n) => (n === 1 ? 'callError' : 'answer'), transmissions: 2, withMessageTimeout: false }),
});
