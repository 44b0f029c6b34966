/** TC_N_29_CSMS: the CSMS asks a station to report a customer's information (by idToken) and copes with a refusal. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customerInformationRequested, customerOf } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_29_CSMS',
  name: 'Get Customer Information - Not Accepted',
  sut: 'CSMS',
  useCases: ['N09'],
  requirements: ['N09.FR.01', 'N09.FR.04'],
  detects: ['customerInformation.notSent', 'customerInformation.reportDropped', 'customerInformation.twoReferences', 'customerInformation.wrongTokenType'],
  notes: 'The operator request is a driver action (requestCustomerInformation for <Configured valid idToken>); the harness answers Rejected and sends nothing more.',
  async run(ctx) {
    await customerInformationRequested(ctx, '1-2. the CSMS asks for the customer information of the valid idToken; harness rejects', { report: true, clear: false, customer: customerOf(ctx, 'idToken') }, 'Rejected');
  },
});
