/** TC_C_06_CSMS: the CSMS reports a blocked idToken as not usable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorizeStep, idTokenOf } from '../states';

export default defineTestCase({
  id: 'TC_C_06_CSMS',
  name: 'Local start transaction - Authorization Blocked',
  sut: 'CSMS',
  useCases: ['C01'],
  requirements: ['C01.FR.07'],
  detects: ['authorize.acceptsBlocked'],
  async run(ctx) {
    await authorizeStep(ctx, '1-2. harness sends AuthorizeRequest for the blocked idToken', idTokenOf(ctx.config.configured.idTokens.blocked), { statuses: ['Blocked', 'Invalid'] });
  },
});
