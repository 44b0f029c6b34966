/** TC_C_56_CS: with the EV already connected, an idToken the CSMS does not know (status Unknown) must not start charging. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, refusedAtStart } from '../states';

export default defineTestCase({
  id: 'TC_C_56_CS',
  name: 'Local start transaction - Authorization Unknown',
  sut: 'CS',
  useCases: ['C01'],
  requirements: ['C01.FR.02'],
  detects: ['auth.acceptsInvalidToken', 'auth.noAuthorizeRequest'],
  configuration: AUTHORIZATION_ON,
  notes: 'The token is <Configured invalid_idtoken>, answered Unknown; "no TransactionEventRequest" is read as none beyond meter values.',
  async run(ctx) {
    await refusedAtStart(ctx, ctx.config.configured.idTokens.invalid, { status: 'Unknown' }, true);
  },
});
