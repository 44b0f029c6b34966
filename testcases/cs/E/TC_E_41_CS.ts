/** TC_E_41_CS: a TransactionEventRequest the CSMS never answers is sent MessageAttempts times, further apart each time, then dropped. */
import { defineTestCase } from '../../../src/engine/testcase';
import { retriesAfterConnection, RETRY_SETTINGS } from '../states';

export default defineTestCase({
  id: 'TC_E_41_CS',
  name: 'Retry sending transaction message when failed - Max retry count reached',
  sut: 'CS',
  useCases: ['E13'],
  requirements: ['E13.FR.01', 'E13.FR.02', 'E13.FR.03', 'E13.FR.04'],
  detects: ['retry.none', 'retry.endless'],
  configuration: RETRY_SETTINGS,
  applicable: (config) => (config.configured.messageAttemptsTransactionEvent > 1 ? undefined : 'needs <Configured message_attempts_transaction_event> > 1'),
  notes:
    'The event the harness leaves unanswered is the first one after EVConnectedPreSession that is not an optional step 1-4 event (signed ' +
    'meter data, power path closed) nor meter values only. Each retransmission must come (MessageAttemptInterval × earlier transmissions) + ' +
    `MessageTimeout after the previous one, within ±1 s (the station's timers and MessageTimeout count whole seconds).`,
  run: (ctx) => retriesAfterConnection(ctx, { treat: () => 'silence', transmissions: ctx.config.configured.messageAttemptsTransactionEvent, withMessageTimeout: true }),
});
