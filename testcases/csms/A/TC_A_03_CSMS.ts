/** TC_A_03_CSMS: the CSMS refuses Basic auth with a password it did not give the station. */
import { defineTestCase } from '../../../src/engine/testcase';
import { csmsProfileIn, reconnectAfterRefusal, randomPassword, refusedConnection } from '../states';

export default defineTestCase({
  id: 'TC_A_03_CSMS',
  name: 'Basic Authentication - Invalid password',
  sut: 'CSMS',
  useCases: ['A00'],
  requirements: ['A00.FR.204'],
  precondition: 'none',
  detects: ['security.acceptsAnyPassword'],
  applicable: (config) => (config.station.basicAuthPassword === undefined ? 'no station.basicAuthPassword is configured' : undefined),
  notes: 'The wrong password is a random 24-character passwordString, new for each run. Afterwards the harness connects again with its valid settings (a clean-up, not judged).',
  async run(ctx) {
    await csmsProfileIn(ctx, [1, 2]);
    await refusedConnection(ctx, '1-2. harness connects with a random password, CSMS refuses the upgrade', { password: randomPassword() });
    await reconnectAfterRefusal(ctx);
  },
});
