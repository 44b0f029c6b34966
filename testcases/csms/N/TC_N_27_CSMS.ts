/** TC_N_27_CSMS: the CSMS asks a station to report a customer's information (by idToken) and takes in the report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customerInformationRequested, customerInformationSent, customerOf } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_27_CSMS',
  name: 'Get Customer Information - Accepted + data',
  sut: 'CSMS',
  useCases: ['N09'],
  requirements: ['N09.FR.01', 'N09.FR.04'],
  detects: ['customerInformation.notSent', 'customerInformation.reportDropped', 'customerInformation.twoReferences', 'customerInformation.wrongTokenType', 'notifyCustomerInformation.refused'],
  notes: 'The operator request is a driver action (requestCustomerInformation for <Configured valid idToken>). The harness reports data in two parts (tbc true, then false), each of which the CSMS must answer.',
  async run(ctx) {
    const call = await customerInformationRequested(ctx, '1-2. the CSMS asks for the customer information of the valid idToken; harness accepts', { report: true, clear: false, customer: customerOf(ctx, 'idToken') }, 'Accepted');
    await customerInformationSent(ctx, '3-4. harness reports the customer data in two parts; the CSMS answers each', call.payload.requestId, ['Local authorization list: the idToken is listed as Accepted', 'Authorization cache: the idToken is cached as Accepted']);
  },
});
