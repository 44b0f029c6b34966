/** TC_N_28_CSMS: the CSMS asks a station to report a customer's information (by idToken) and takes in a report that nothing was found. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customerInformationRequested, customerInformationSent, customerOf } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_28_CSMS',
  name: 'Get Customer Information - Accepted + no data',
  sut: 'CSMS',
  useCases: ['N09'],
  requirements: ['N09.FR.01', 'N09.FR.04'],
  detects: ['customerInformation.notSent', 'customerInformation.reportDropped', 'customerInformation.twoReferences', 'notifyCustomerInformation.refused'],
  notes: 'The operator request is a driver action (requestCustomerInformation for <Configured valid idToken>); the harness answers with one message saying no data was found.',
  async run(ctx) {
    const call = await customerInformationRequested(ctx, '1-2. the CSMS asks for the customer information of the valid idToken; harness accepts', { report: true, clear: false, customer: customerOf(ctx, 'idToken') }, 'Accepted');
    await customerInformationSent(ctx, '3-4. harness reports that it found no data; the CSMS answers', call.payload.requestId, ['No data found for this customer.']);
  },
});
