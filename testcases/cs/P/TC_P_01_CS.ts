/** TC_P_01_CS: a station answers a DataTransfer for a vendor it does not implement without accepting it. */
import { defineTestCase } from '../../../src/engine/testcase';

export default defineTestCase({
  id: 'TC_P_01_CS',
  name: 'Data Transfer to the Charging Station - Rejected / Unknown VendorId / Unknown MessageId',
  sut: 'CS',
  useCases: ['P01'],
  requirements: ['P01.FR.05', 'P01.FR.06'],
  detects: ['dataTransfer.acceptsUnknownVendor'],
  notes: 'Part 6 names the vendorId; it is the configured dataTransferVendorId, whose default is that value.',
  async run({ step, csms, check, config }) {
    await step('1-2. harness sends DataTransferRequest for an unknown vendor and message', async () => {
      const response = await csms.call('DataTransfer', { vendorId: config.configured.dataTransferVendorId, messageId: config.configured.dataTransferMessageId });
      check.oneOf('DataTransferResponse.status', response.status, ['UnknownVendorId', 'UnknownMessageId', 'Rejected']);
    });
  },
});
