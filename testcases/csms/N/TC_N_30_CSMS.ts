/** TC_N_30_CSMS: the CSMS asks a station to clear and report a customer's information (by idToken) and takes in the report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customerInformationRequested, customerInformationSent, customerOf } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_30_CSMS',
  name: 'Clear Customer Information - Clear and report + data',
  sut: 'CSMS',
  useCases: ['N10'],
  requirements: ['N10.FR.08'],
  detects: ['customerInformation.notSent', 'customerInformation.reportDropped', 'customerInformation.clearDropped', 'customerInformation.twoReferences', 'notifyCustomerInformation.refused'],
  notes: 'The operator request is a driver action (requestCustomerInformation, report and clear, for <Configured valid idToken>); the harness reports the cleared data in one message.',
  async run(ctx) {
    const call = await customerInformationRequested(ctx, '1-2. the CSMS asks to clear and report the customer information of the valid idToken; harness accepts', { report: true, clear: true, customer: customerOf(ctx, 'idToken') }, 'Accepted');
    await customerInformationSent(ctx, '3-4. harness reports the cleared data; the CSMS answers', call.payload.requestId, ['Authorization cache: the idToken was cached as Accepted (cleared)']);
  },
});
