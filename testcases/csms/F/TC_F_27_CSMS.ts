/** TC_F_27_CSMS: the CSMS copes with a station that does not implement the message it triggers. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsTriggers } from '../states';

export default defineTestCase({
  id: 'TC_F_27_CSMS',
  name: 'Trigger message - NotImplemented',
  sut: 'CSMS',
  useCases: ['F06'],
  requirements: ['F06.FR.08'],
  detects: ['trigger.notSent'],
  notes:
    'Part 6 names no requestedMessage: the harness asks the CSMS for a Heartbeat trigger (the one every CSMS offers, TC_F_20_CSMS) ' +
    'and answers NotImplemented, as a station that does not support it would. Part 6 lists no tool validation beyond the request arriving.',
  async run(ctx) {
    await csmsTriggers(ctx, 'Heartbeat', {}, 'NotImplemented');
  },
});
