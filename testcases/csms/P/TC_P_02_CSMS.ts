/** TC_P_02_CSMS: the CSMS answers a DataTransfer for a vendor it does not implement without accepting it. */
import { defineTestCase } from '../../../src/engine/testcase';

export default defineTestCase({
  id: 'TC_P_02_CSMS',
  name: 'Data Transfer to the CSMS - Rejected / Unknown VendorId / Unknown MessageId',
  sut: 'CSMS',
  useCases: ['P02'],
  requirements: ['P02.FR.06', 'P02.FR.07'],
  detects: ['dataTransfer.acceptsUnknownVendor'],
  async run({ step, station, check, config }) {
    await step('1-2. harness sends DataTransferRequest for the configured vendor and message', async () => {
      const response = await station.call('DataTransfer', { vendorId: config.configured.dataTransferVendorId, messageId: config.configured.dataTransferMessageId });
      check.oneOf('DataTransferResponse.status', response.status, ['UnknownVendorId', 'UnknownMessageId', 'Rejected']);
    });
  },
});
