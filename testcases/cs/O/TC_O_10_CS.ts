/** TC_O_10_CS: a message for a transaction the station does not know is refused with UnknownTransaction. */
import { randomUUID } from 'node:crypto';
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, setDisplayMessage } from '../states';

export default defineTestCase({
  id: 'TC_O_10_CS',
  name: 'Set Display Message - Specific transaction - UnknownTransaction',
  sut: 'CS',
  useCases: ['O02'],
  requirements: ['O02.FR.01'],
  detects: ['displayMessages.unknownTransactionAccepted'],
  notes: '<Generated transactionId> is a fresh UUID, which no transaction of the station has.',
  async run(ctx) {
    const message = configuredMessage(ctx, { transactionId: randomUUID() });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest for unknown transaction ${message.transactionId}, station answers UnknownTransaction`, message, 'UnknownTransaction');
  },
});
