/** TC_C_06_CS: with the EV already connected, an idToken the CSMS calls Blocked must not start charging. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, refusedAtStart } from '../states';

export default defineTestCase({
  id: 'TC_C_06_CS',
  name: 'Local start transaction - Authorization Blocked',
  sut: 'CS',
  useCases: ['C01'],
  requirements: ['C01.FR.02'],
  detects: ['auth.acceptsInvalidToken', 'auth.noAuthorizeRequest'],
  configuration: AUTHORIZATION_ON,
  notes:
    'The note of Part 6 names "step 7"; the scenario has only steps 1-2, so the wait follows the AuthorizeRequest of step 1. The token is ' +
    '<Configured blocked_idtoken>, answered Blocked; "no TransactionEventRequest" is read as none beyond meter values.',
  async run(ctx) {
    await refusedAtStart(ctx, ctx.config.configured.idTokens.blocked, { status: 'Blocked' }, true);
  },
});
