/** TC_F_26_CS: a station the CSMS has already accepted refuses a triggered BootNotification. */
import { defineTestCase } from '../../../src/engine/testcase';
import { triggerAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_26_CS',
  name: 'Trigger message - BootNotification - Rejected',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.17'],
  detects: ['trigger.bootWhenAccepted'],
  notes: 'The general precondition has the station connected and its BootNotification accepted, which is what F06.FR.17 refers to.',
  async run(ctx) {
    await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (BootNotification), station rejects it', { requestedMessage: 'BootNotification' }, 'Rejected');
  },
});
