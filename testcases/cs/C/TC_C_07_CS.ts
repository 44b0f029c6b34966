/** TC_C_07_CS: with the EV already connected, an idToken the CSMS calls Expired must not start charging. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, refusedAtStart } from '../states';

export default defineTestCase({
  id: 'TC_C_07_CS',
  name: 'Local start transaction - Authorization Expired',
  sut: 'CS',
  useCases: ['C01'],
  requirements: ['C01.FR.02'],
  detects: ['auth.acceptsInvalidToken', 'auth.noAuthorizeRequest'],
  configuration: AUTHORIZATION_ON,
  notes:
    'The note of Part 6 names "step 7"; the scenario has only steps 1-2, so the wait follows the AuthorizeRequest of step 1. The token is ' +
    '<Configured expired_idtoken>, answered Expired; "no TransactionEventRequest" is read as none beyond meter values.',
  async run(ctx) {
    await refusedAtStart(ctx, ctx.config.configured.idTokens.expired, { status: 'Expired' }, true);
  },
});
