/** TC_N_27_CS: a station holding data about the valid idToken accepts a request to report it and sends it in one or more parts. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkDataNotEmpty, CUSTOMER_DATA_SETTINGS, customerInformation, withValidCustomerData } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_27_CS',
  name: 'Get Customer Information - Accepted + data',
  sut: 'CS',
  useCases: ['N09'],
  requirements: ['N09.FR.02', 'N09.FR.05'],
  detects: ['customer.noNotify'],
  configuration: CUSTOMER_DATA_SETTINGS,
  notes:
    'The memory states IdTokenCached and IdTokenLocalAuthList give the station data about <Configured valid idToken>. The charging state of ' +
    'Part 6 (Authorized locally, then the bay left) is not run: it only adds another trace of the same customer, and the memory states already ' +
    'give the station data to report. "All report parts have been received" is checked as seqNo 0, 1, ... up to the part without tbc.',
  async run(ctx) {
    await withValidCustomerData(ctx, async () => {
      const { parts } = await customerInformation(ctx, { report: true, clear: false, customer: { idToken: true } }, {
        request: '1-2. harness asks for the customer information of the valid idToken (report true); the station accepts',
        notify: '3-4. station sends NotifyCustomerInformationRequest until tbc is false',
      });
      await ctx.step('Step 3 content: the station reports data about the customer', () => checkDataNotEmpty(ctx, parts));
    });
  },
});
