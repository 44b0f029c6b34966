/** TC_C_05_CS: on a station whose cable lock keeps the EV out until authorization, an invalid idToken must not authorize anything. */
import { defineTestCase } from '../../../src/engine/testcase';
import { AUTHORIZATION_ON, refusedAtStart } from '../states';

export default defineTestCase({
  id: 'TC_C_05_CS',
  name: 'Local start transaction - Authorization invalid - Cable lock',
  sut: 'CS',
  useCases: ['C01', 'C04', 'C06'],
  requirements: ['C01.FR.02', 'C06.FR.02'],
  detects: ['auth.acceptsInvalidToken', 'auth.noAuthorizeRequest'],
  configuration: AUTHORIZATION_ON,
  notes:
    'Meant for stations with a cable lock (Part 5 AQ-2); the profiles select it by that feature. The scenario itself needs no EV, so it ' +
    'also runs against the reference station, which has none. The token is <Configured invalid_idtoken>, answered Invalid; "no ' +
    'TransactionEventRequest" is read as none beyond meter values.',
  async run(ctx) {
    await refusedAtStart(ctx, ctx.config.configured.idTokens.invalid, { status: 'Invalid' }, false);
  },
});
