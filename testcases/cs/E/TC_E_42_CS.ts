/** TC_E_42_CS: a TransactionEventRequest left unanswered once is sent again, and not any more once the CSMS answers it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { retriesAfterConnection, RETRY_SETTINGS } from '../states';

export default defineTestCase({
  id: 'TC_E_42_CS',
  name: 'Retry sending transaction message when failed - Success before reaching the max retry count',
  sut: 'CS',
  useCases: ['E13'],
  requirements: ['E13.FR.01', 'E13.FR.02', 'E13.FR.03'],
  detects: ['retry.none'],
  configuration: RETRY_SETTINGS,
  applicable: (config) => (config.configured.messageAttemptsTransactionEvent > 2 ? undefined : 'needs <Configured message_attempts_transaction_event> > 2'),
  notes: 'The harness ignores the first transmission of the event after EVConnectedPreSession and answers the second, which must come MessageAttemptInterval + MessageTimeout later (±1 s); no third may follow.',
  run: (ctx) => retriesAfterConnection(ctx, { treat: (n) => (n === 1 ? 'silence' : 'answer'), transmissions: 2, withMessageTimeout: true }),
});
