/** TC_C_02_CSMS: the CSMS does not accept an idToken it does not know as valid. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorizeStep, idTokenOf } from '../states';

export default defineTestCase({
  id: 'TC_C_02_CSMS',
  name: 'Local start transaction - Authorization Invalid/Unknown',
  sut: 'CSMS',
  useCases: ['C01', 'C04', 'C06'],
  requirements: ['C01.FR.07', 'C04.FR.01', 'C06.FR.04'],
  detects: ['authorize.acceptsInvalid'],
  async run(ctx) {
    await authorizeStep(ctx, '1-2. harness sends AuthorizeRequest for the invalid idToken', idTokenOf(ctx.config.configured.idTokens.invalid), { statuses: ['Invalid', 'Unknown'] });
  },
});
