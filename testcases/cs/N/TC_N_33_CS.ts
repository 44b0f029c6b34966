/** TC_N_33_CS: a station that cannot process a request to clear customer information answers Invalid. */
import { defineTestCase } from '../../../src/engine/testcase';
import { customerInformation } from '../states/customer';

export default defineTestCase({
  id: 'TC_N_33_CS',
  name: 'Clear Customer Information - Invalid',
  sut: 'CS',
  useCases: ['N10'],
  requirements: ['N10.FR.01', 'N10.FR.05', 'N09.FR.09'],
  detects: ['customer.acceptsAmbiguous'],
  notes:
    'As in TC_N_29_CS, the request the station cannot process is one naming both the valid idToken and <Configured customerIdentifier> ' +
    '(N09.FR.09 answers it Invalid, as Part 6 expects); here it asks to clear and report.',
  async run(ctx) {
    await customerInformation(ctx, { report: true, clear: true, customer: { both: ctx.config.configured.customerIdentifier } }, { request: '1-2. harness asks to clear customer information naming both an idToken and a customer identifier; the station answers Invalid' }, 'Invalid');
  },
});
