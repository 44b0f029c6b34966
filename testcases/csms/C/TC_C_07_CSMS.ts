/** TC_C_07_CSMS: the CSMS reports an expired idToken as not usable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorizeStep, idTokenOf } from '../states';

export default defineTestCase({
  id: 'TC_C_07_CSMS',
  name: 'Local start transaction - Authorization Expired',
  sut: 'CSMS',
  useCases: ['C01'],
  requirements: ['C01.FR.07'],
  detects: ['authorize.acceptsExpired'],
  async run(ctx) {
    await authorizeStep(ctx, '1-2. harness sends AuthorizeRequest for the expired idToken', idTokenOf(ctx.config.configured.idTokens.expired), { statuses: ['Expired', 'Invalid'] });
  },
});
