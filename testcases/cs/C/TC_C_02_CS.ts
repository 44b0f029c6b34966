/** TC_C_02_CS: with the EV already connected, an idToken the CSMS calls Invalid must not start charging. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, refusedAtStart } from '../states';

export default defineTestCase({
  id: 'TC_C_02_CS',
  name: 'Local start transaction - Authorization Invalid/Unknown',
  sut: 'CS',
  useCases: ['C01', 'C04', 'C06'],
  requirements: ['C01.FR.02', 'C06.FR.02'],
  detects: ['auth.acceptsInvalidToken', 'auth.noAuthorizeRequest'],
  configuration: AUTHORIZATION_ON,
  notes:
    'For stations without a cable lock (Part 5 AQ-2 false); TC_C_05_CS covers the other kind. The token is <Configured invalid_idtoken>, ' +
    'answered Invalid. "No TransactionEventRequest" is read as none beyond meter values: with TxStartPoint EVConnected the transaction ' +
    'is already open and may carry periodic readings.',
  async run(ctx) {
    await refusedAtStart(ctx, ctx.config.configured.idTokens.invalid, { status: 'Invalid' }, true);
  },
});
