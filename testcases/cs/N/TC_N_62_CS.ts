/** TC_N_62_CS: a station clears and reports the data stored under a customer identifier, and a second report shows none of it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkDataNotEmpty, customerInformation } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_62_CS',
  name: 'Clear Customer Information - Clear and report - customerIdentifier',
  sut: 'CS',
  useCases: ['N10'],
  requirements: ['N10.FR.01', 'N10.FR.03'],
  detects: ['customer.noNotify', 'customer.notCleared'],
  notes:
    'The tester stores <Configured customerIdentifier> at the station (driver action storeCustomerIdentifier). Step 7 "data empty" is read with ' +
    'N09.FR.06, which makes the station say that it found nothing: the second report must be one message without tbc that repeats none of the ' +
    'data reported (and cleared) in step 3; an empty data string passes too.',
  async run(ctx) {
    const customerIdentifier = ctx.config.configured.customerIdentifier;
    await ctx.step(`Memory State: the tester stores customer data under '${customerIdentifier}' at the station`, () => ctx.perform({ kind: 'storeCustomerIdentifier', customerIdentifier }));
    const cleared = await customerInformation(ctx, { report: true, clear: true, customer: { customerIdentifier } }, {
      request: '1-2. harness asks to clear and report the customer information of the customer identifier; the station accepts',
      notify: '3-4. station sends NotifyCustomerInformationRequest until tbc is false',
    });
    await ctx.step('Step 3 content: the station reports the data it cleared', () => checkDataNotEmpty(ctx, cleared.parts));
    const after = await customerInformation(ctx, { report: true, clear: false, customer: { customerIdentifier } }, {
      request: '5-6. harness asks for the customer information of the customer identifier again; the station accepts',
      notify: '7-8. station sends NotifyCustomerInformationRequest until tbc is false',
    });
    await ctx.step('Step 7 content: nothing of the cleared data is reported any more', () => {
      const data = after.parts.map((p) => p.data).join('');
      const repeated = cleared.parts.flatMap((p) => p.data.split('\n')).filter((line) => line.trim() !== '' && data.includes(line));
      ctx.check.equal('number of NotifyCustomerInformationRequests', after.parts.length, 1);
      ctx.check.that('NotifyCustomerInformationRequest.data', repeated.length === 0, 'no data about the customer (empty, or a notice that none was found)', repeated.length === 0 ? `"${data}"` : `repeats "${repeated.join('; ')}"`);
    });
  },
});
