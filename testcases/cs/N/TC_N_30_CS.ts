/** TC_N_30_CS: a station clears and reports what it holds about the valid idToken (but its local list), and a later report is complete in one part. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkDataNotEmpty, CUSTOMER_DATA_SETTINGS, customerInformation, withValidCustomerData } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_30_CS',
  name: 'Clear Customer Information - Clear and report + data',
  sut: 'CS',
  useCases: ['N10'],
  requirements: ['N10.FR.01', 'N10.FR.03'],
  detects: ['customer.noNotify'],
  configuration: CUSTOMER_DATA_SETTINGS,
  notes:
    'Memory states and charging state as in TC_N_27_CS. Steps 7-8 are only expected when step 6 is Accepted. The local list entry stays after ' +
    'clearing (N10.FR.03), so the second report may still show it; Part 6 checks only that it is not continued (tbc not true).',
  async run(ctx) {
    await withValidCustomerData(ctx, async () => {
      const cleared = await customerInformation(ctx, { report: true, clear: true, customer: { idToken: true } }, {
        request: '1-2. harness asks to clear and report the customer information of the valid idToken; the station accepts',
        notify: '3-4. station sends NotifyCustomerInformationRequest until tbc is false',
      });
      await ctx.step('Step 3 content: the station reports the cleared data', () => checkDataNotEmpty(ctx, cleared.parts));
      const after = await customerInformation(ctx, { report: true, clear: false, customer: { idToken: true } }, {
        request: '5-6. harness asks for the customer information of the valid idToken again',
        notify: '7-8. station sends NotifyCustomerInformationRequest',
      }, 'Accepted');
      if (after.parts.length > 0) await ctx.step('Step 8 content: the report is not continued', () => ctx.check.notEqual('NotifyCustomerInformationRequest.tbc', after.parts[0].tbc, true));
    });
  },
});
