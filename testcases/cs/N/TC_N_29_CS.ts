/** TC_N_29_CS: a station that cannot process a request for customer information answers Invalid. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customerInformation } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_29_CS',
  name: 'Get Customer Information - Not Accepted',
  sut: 'CS',
  useCases: ['N09'],
  requirements: ['N09.FR.03', 'N09.FR.09'],
  detects: ['customer.acceptsAmbiguous'],
  notes:
    'Part 6 leaves open how the station gets into a state where it cannot process the request, and expects status Invalid. The one ' +
    'condition Part 2 ties to Invalid is N09.FR.09: a request naming more than one kind of customer reference. So the harness asks for a ' +
    'report naming both the valid idToken and <Configured customerIdentifier>, which every station must answer Invalid.',
  async run(ctx) {
    await customerInformation(ctx, { report: true, clear: false, customer: { both: ctx.config.configured.customerIdentifier } }, { request: '1-2. harness asks for customer information naming both an idToken and a customer identifier; the station answers Invalid' }, 'Invalid');
  },
});
