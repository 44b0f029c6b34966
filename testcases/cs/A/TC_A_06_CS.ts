/** TC_A_06_CS: the station refuses a CSMS that only speaks TLS below 1.2, then connects with TLS 1.2 or above and boots. */
import { defineTestCase } from '../../../src/engine/testcase';
import { describeHandshake } from '../../../src/transport/security';
import { acceptedUpgrade, bootAccepted, completedHandshake, endpointsOf, reportsAfterStart, withSecurityProfile, serveTlsVersion, setting } from '../states';

export default defineTestCase({
  id: 'TC_A_06_CS',
  name: 'TLS - server-side certificate - TLS version too low',
  sut: 'CS',
  useCases: ['A00'],
  requirements: ['A00.FR.314', 'A00.FR.316', 'A00.FR.416', 'A00.FR.417', 'A00.FR.419'],
  detects: ['security.acceptsOldTls'],
  configuration: [setting('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', '1')],
  notes:
    'The station starts the handshake of step 1 because the harness resets it (ResetRequest Immediate): steps 14-15 expect the ' +
    'SecurityEventNotification of a restart. Step 3 is judged on the handshake itself: the station must not complete a TLS 1.1 ' +
    'handshake. The optional InvalidTLSVersion event (steps 16-17) is accepted in any order with the other reports.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    await withSecurityProfile(ctx, [2, 3], async (profile) => {
      const endpoints = endpointsOf(ctx);
      const watch = endpoints.watch();
      try {
        await step('1-3. harness answers with TLS 1.1 only; station terminates the connection', async () => {
          await serveTlsVersion(ctx, 'old');
          const reset = await csms.call('Reset', { type: 'Immediate' });
          check.equal('ResetResponse.status', reset.status, 'Accepted');
          const handshake = await watch.nextHandshake(config.timeouts.connectMs);
          check.that('station terminates the TLS 1.1 handshake', handshake !== undefined && !handshake.ok, 'no completed handshake below TLS 1.2', handshake ? describeHandshake(handshake) : 'none within the connect timeout');
        });
        await step('4-7. harness answers with TLS 1.2 or above; station completes the handshake', async () => {
          await serveTlsVersion(ctx, 'normal');
          const handshake = await completedHandshake(ctx, watch);
          check.oneOf('negotiated TLS version', handshake.protocol, ['TLSv1.2', 'TLSv1.3']);
        });
        await step('8-9. station sends the HTTP upgrade, harness upgrades', () => acceptedUpgrade(ctx, watch, profile === 2 ? endpoints.password : undefined));
        await bootAccepted(ctx, '10-11. station sends BootNotificationRequest, harness accepts it');
        await reportsAfterStart(ctx, '12-17. station reports its connectors and its restart (and may report InvalidTLSVersion)', ['StartupOfTheDevice', 'ResetOrReboot'], ['InvalidTLSVersion']);
      } finally {
        watch.stop();
        await serveTlsVersion(ctx, 'normal');
      }
    });
  },
});
