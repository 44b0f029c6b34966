/** TC_N_31_CS: asked to clear and report a customer it holds nothing about, a station accepts and sends one message saying no data was found. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkSingleNotice, customerInformation } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_31_CS',
  name: 'Clear Customer Information - Clear and report + no data',
  sut: 'CS',
  useCases: ['N10'],
  requirements: ['N10.FR.01', 'N10.FR.04'],
  detects: ['customer.noNotify'],
  notes:
    'Part 6 assumes the station holds nothing about <Configured valid idToken>. The post scenario validation is checked as N10.FR.04 puts it: ' +
    'exactly one NotifyCustomerInformationRequest, without tbc, whose data is not empty.',
  async run(ctx) {
    const { parts } = await customerInformation(ctx, { report: true, clear: true, customer: { idToken: true } }, {
      request: '1-2. harness asks to clear and report the customer information of the valid idToken; the station accepts',
      notify: '3-4. station sends NotifyCustomerInformationRequest',
    });
    await ctx.step('Post scenario: one message saying no data was found', () => checkSingleNotice(ctx, parts, 'no data found'));
  },
});
