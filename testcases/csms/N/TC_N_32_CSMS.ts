/** TC_N_32_CSMS: the CSMS asks a station to clear a customer's information (by idToken) without a report, and takes in the confirmation. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customerInformationRequested, customerInformationSent, customerOf } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_32_CSMS',
  name: 'Clear Customer Information - Clear and no report',
  sut: 'CSMS',
  useCases: ['N10'],
  requirements: ['N10.FR.08'],
  detects: ['customerInformation.notSent', 'customerInformation.clearDropped', 'customerInformation.twoReferences', 'notifyCustomerInformation.refused'],
  notes: 'The operator request is a driver action (requestCustomerInformation, clear without report, for <Configured valid idToken>); the harness confirms with one message that the data was cleared.',
  async run(ctx) {
    const call = await customerInformationRequested(ctx, '1-2. the CSMS asks to clear the customer information of the valid idToken without a report; harness accepts', { report: false, clear: true, customer: customerOf(ctx, 'idToken') }, 'Accepted');
    await customerInformationSent(ctx, '3-4. harness confirms that the data was cleared; the CSMS answers', call.payload.requestId, ['Customer data cleared.']);
  },
});
