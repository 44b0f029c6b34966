/** TC_N_28_CS: asked to report a customer it holds nothing about, a station accepts and sends one message saying no data was found. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkSingleNotice, customerDataCleared, customerInformation } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_28_CS',
  name: 'Get Customer Information - Accepted + no data',
  sut: 'CS',
  useCases: ['N09'],
  requirements: ['N09.FR.02', 'N09.FR.06'],
  detects: ['customer.noNotify'],
  notes:
    'The post scenario validation (a message saying no data was found) is checked as N09.FR.06 puts it: exactly one ' +
    'NotifyCustomerInformationRequest, without tbc, whose data is not empty; what its text says is for the lab to read in the evidence.',
  async run(ctx) {
    await customerDataCleared(ctx);
    const { parts } = await customerInformation(ctx, { report: true, clear: false, customer: { idToken: true } }, {
      request: '1-2. harness asks for the customer information of the valid idToken (report true); the station accepts',
      notify: '3-4. station sends NotifyCustomerInformationRequest',
    });
    await ctx.step('Step 3 and post scenario: one message, tbc not true, saying no data was found', () => checkSingleNotice(ctx, parts, 'no data found'));
  },
});
