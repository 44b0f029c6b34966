/** TC_N_62_CSMS: the CSMS asks a station to clear and report a customer's information by customer identifier only, and takes in the report. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customerInformationRequested, customerInformationSent, customerOf } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_62_CSMS',
  name: 'Clear Customer Information - Clear and report - customerIdentifier',
  sut: 'CSMS',
  useCases: ['N10'],
  requirements: ['N10.FR.08'],
  detects: ['customerInformation.notSent', 'customerInformation.reportDropped', 'customerInformation.clearDropped', 'customerInformation.twoReferences', 'notifyCustomerInformation.refused'],
  notes: 'Part 6 names the customerIdentifier OpenChargeAlliance; it is <Configured customerIdentifier>, whose default is that value. Following errata 2025-04 (6.3.22) the request must carry neither idToken nor customerCertificate.',
  async run(ctx) {
    const call = await customerInformationRequested(ctx, '1-2. the CSMS asks to clear and report the customer information of the customer identifier; harness accepts', { report: true, clear: true, customer: customerOf(ctx, 'customerIdentifier') }, 'Accepted');
    await customerInformationSent(ctx, '3-4. harness reports the cleared data; the CSMS answers', call.payload.requestId, ['Customer data stored at the station under this identifier (cleared)']);
  },
});
