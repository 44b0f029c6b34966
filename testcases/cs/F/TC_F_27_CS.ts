/** TC_F_27_CS: asked to send a message it does not support, the station answers NotImplemented. */
import { defineTestCase } from '../../../src/engine/testcase';
import { triggerAnswered } from '../states';

export default defineTestCase({
  id: 'TC_F_27_CS',
  name: 'Trigger message - NotImplemented',
  sut: 'CS',
  useCases: ['F06'],
  requirements: ['F06.FR.08'],
  detects: ['trigger.unsupportedRejected'],
  applicable: (config) =>
    config.configured.signCombinedCertificate ? 'the station sends SignCombinedCertificate when triggered (configured.signCombinedCertificate is true; the case is for NOT AQ-11)' : undefined,
  notes: 'The case is for stations that do not support the SignCombinedCertificate trigger (Part 5 NOT AQ-11); against the reference it runs on the variant without it.',
  async run(ctx) {
    await triggerAnswered(ctx, '1-2. harness sends TriggerMessageRequest (SignCombinedCertificate), station answers NotImplemented', { requestedMessage: 'SignCombinedCertificate' }, 'NotImplemented');
  },
});
