/** TC_E_34_CS: asked without a transactionId while nothing is queued, the station says so and leaves ongoingIndicator out. */
import { defineTestCase } from '../../../src/engine/testcase';
import { sessionOf, transactionStatus } from '../states';

export default defineTestCase({
  id: 'TC_E_34_CS',
  name: 'Check Transaction status - Without transactionId - without message in queue',
  sut: 'CS',
  useCases: ['E14'],
  requirements: ['E14.FR.06', 'E14.FR.08'],
  detects: ['transactionStatus.wrongOngoing'],
  async run(ctx) {
    await transactionStatus(sessionOf(ctx), '1-2. harness asks for the transaction status without a transactionId', undefined, { messagesInQueue: false });
  },
});
