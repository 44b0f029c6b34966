/** TC_A_06_CSMS: the CSMS refuses a TLS 1.1 handshake, then takes TLS 1.2 or above and accepts the boot. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkTlsVersion, connectAndBoot, csmsProfileIn, refusedConnection, reportConnectorsAvailable } from '../states';

export default defineTestCase({
  id: 'TC_A_06_CSMS',
  name: 'TLS - server-side certificate - TLS version too low',
  sut: 'CSMS',
  useCases: ['A00'],
  requirements: ['A00.FR.314', 'A00.FR.315', 'A00.FR.409', 'A00.FR.416', 'A00.FR.417', 'A00.FR.418'],
  precondition: 'none',
  detects: ['security.acceptsOldTls'],
  notes: 'The TLS 1.1 attempt offers only TLS 1.1 (with the legacy cipher suites TLS 1.1 needs); step 2 passes when no WebSocket connection results.',
  async run(ctx) {
    const { station } = ctx;
    await csmsProfileIn(ctx, [2, 3]);
    const tls = station.connectionSettings.tls ?? {};
    await refusedConnection(ctx, '1-2. harness offers only TLS 1.1, CSMS terminates the connection', { tls: { ...tls, minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' } });
    await connectAndBoot(ctx, '3-8. harness connects with TLS 1.2 or above, CSMS upgrades', '9-10. harness sends BootNotificationRequest (PowerUp), CSMS accepts it', {}, () => checkTlsVersion(ctx, station.lastHandshake));
    await reportConnectorsAvailable(ctx, '11-12. harness reports every connector as Available');
  },
});
