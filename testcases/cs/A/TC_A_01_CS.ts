/** TC_A_01_CS: the station authenticates with HTTP Basic auth, user = its identity, password a valid passwordString. */
import { defineTestCase } from '../../../src/engine/testcase';
import { parseBasicAuth } from '../../../src/transport/security';
import { booted, endpointsOf, withSecurityProfile, setting } from '../states';

/** passwordString (Part 2 primitive datatypes): letters, digits and * - _ = : + | @ . */
const PASSWORD_STRING = /^[A-Za-z0-9*\-_=:+|@.]*$/;

export default defineTestCase({
  id: 'TC_A_01_CS',
  name: 'Basic Authentication - Valid username/password combination',
  sut: 'CS',
  useCases: ['A00', 'B01'],
  requirements: ['A00.FR.202', 'A00.FR.203', 'A00.FR.204', 'A00.FR.205', 'A00.FR.301', 'A00.FR.302', 'A00.FR.304', 'B01.FR.01', 'B01.FR.05', 'B01.FR.09'],
  detects: ['security.wrongAuthorizationUser', 'boot.noConnectorStatus'],
  configuration: [setting('SecurityCtrlr', 'BasicAuthPassword', (c) => c.station.basicAuthPassword ?? '')],
  applicable: (config) => (config.station.basicAuthPassword === undefined ? 'no station.basicAuthPassword is configured' : undefined),
  notes:
    'Runs with security profile 1 or 2 (the harness moves the station there when security.switchProfiles allows). Booted is entered ' +
    'with a ResetRequest; the Authorization header checked is the one of the upgrade that follows it. Errata 2025-02: the password ' +
    'characters are those of passwordString; the length bounds are the 16 to 40 of the test case.',
  async run(ctx) {
    const { step, check, config } = ctx;
    await withSecurityProfile(ctx, [1, 2], async () => {
      const watch = endpointsOf(ctx).watch();
      try {
        await step('1. Reusable State Booted', () => booted(ctx, 'reset'));
        await step('1. validation: the Authorization header of the HTTP upgrade', async () => {
          const attempt = await watch.nextAttempt(0);
          check.that('upgrade request seen', attempt !== undefined, 'the HTTP upgrade of the reconnection', attempt ? 'seen' : 'none');
          check.that('Authorization header scheme', /^Basic [A-Za-z0-9+/=]+$/.test(attempt?.authorization ?? ''), 'Basic <base64>', attempt?.authorization ?? '(none)');
          const credentials = parseBasicAuth(attempt?.authorization);
          check.equal('user name (the ChargingStationId of the URL)', credentials?.user, attempt?.stationId);
          const password = credentials?.password ?? '';
          check.that('BasicAuthPassword length', password.length >= 16 && password.length <= 40, '16 to 40 characters', `${password.length} characters`);
          check.that('BasicAuthPassword characters', PASSWORD_STRING.test(password), 'only passwordString characters', password.replace(/[A-Za-z0-9*\-_=:+|@.]/g, '') || '(all allowed)');
          check.equal('BasicAuthPassword', password, config.station.basicAuthPassword);
        });
      } finally {
        watch.stop();
      }
    });
  },
});
