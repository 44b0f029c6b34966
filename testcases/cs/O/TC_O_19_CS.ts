/** TC_O_19_CS: a message in a format the station does not support is refused with NotSupportedMessageFormat. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configuredMessage, setDisplayMessage } from '../states';

export default defineTestCase({
  id: 'TC_O_19_CS',
  name: 'Set Display Message - NotSupportedMessageFormat',
  sut: 'CS',
  useCases: ['O01'],
  requirements: ['O01.FR.03', 'O02.FR.05'],
  detects: ['displayMessages.unsupportedFormatAccepted'],
  applicable: (config) => (config.configured.displayMessage.unsupportedFormats.length === 0 ? 'the station supports every message format (configured.displayMessage.unsupportedFormats is empty)' : undefined),
  notes: '<Configured Unsupported Message Format> (errata 2025-09 6.2.111) is the first of configured.displayMessage.unsupportedFormats.',
  async run(ctx) {
    const format = ctx.config.configured.displayMessage.unsupportedFormats[0];
    const message = configuredMessage(ctx, { format });
    await setDisplayMessage(ctx, `1-2. harness sends SetDisplayMessageRequest in unsupported format ${format}, station answers NotSupportedMessageFormat`, message, 'NotSupportedMessageFormat');
  },
});
