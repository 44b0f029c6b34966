/** TC_N_32_CS: asked to clear a customer's information without a report, a station accepts and sends one message saying it cleared it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkSingleNotice, customerInformation } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_32_CS',
  name: 'Clear Customer Information - Clear and no report',
  sut: 'CS',
  useCases: ['N10'],
  requirements: ['N10.FR.01', 'N10.FR.06'],
  detects: ['customer.noNotify'],
  notes: 'The post scenario validation is checked as N10.FR.06 puts it: exactly one NotifyCustomerInformationRequest, without tbc, whose data is not empty.',
  async run(ctx) {
    const { parts } = await customerInformation(ctx, { report: false, clear: true, customer: { idToken: true } }, {
      request: '1-2. harness asks to clear the customer information of the valid idToken without a report; the station accepts',
      notify: '3-4. station sends NotifyCustomerInformationRequest',
    });
    await ctx.step('Post scenario: one message saying the data was cleared', () => checkSingleNotice(ctx, parts, 'data cleared'));
  },
});
