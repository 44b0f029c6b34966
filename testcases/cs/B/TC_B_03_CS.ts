/** TC_B_03_CS: a rejected station stays silent for the interval, then boots again and is accepted. */
import { defineTestCase } from '../../../src/engine/testcase';
import { allConnectorsReported } from '../states';

/** Timer granularity allowed when comparing the station's retry delay with the interval (ms). */
const CLOCK_SLACK_MS = 10;

export default defineTestCase({
  id: 'TC_B_03_CS',
  name: 'Cold Boot Charging Station - Rejected',
  sut: 'CS',
  useCases: ['B03'],
  requirements: ['B03.FR.02', 'B03.FR.04', 'B03.FR.06'],
  precondition: 'none',
  detects: ['boot.retryTooEarly', 'boot.noConnectorStatus'],
  notes:
    `The delay before the second BootNotification is measured from the harness sending the Rejected answer to it receiving the next ` +
    `request, and must be at least the interval (less ${CLOCK_SLACK_MS} ms of timer granularity). Any other CALL in between fails the case; ` +
    'closing the connection in between is allowed.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    const interval = config.configured.heartbeatInterval;
    // Armed before the reboot: the harness answers this BootNotification itself, whenever it comes. Only a boot on the
    // connection the reboot opens counts (a slow boot still in flight on the old one is not this case's).
    const before = csms.connection;
    const booting = csms.expect('BootNotification', { acrossReconnect: true, timeoutMs: config.timeouts.connectMs, where: (c) => c.connection !== before, description: 'a BootNotification on the connection after the reboot' });
    await step('Manual action: reboot the station', () => ctx.perform({ kind: 'reboot' }));
    const rejectedAt = await step('1-2. station sends BootNotificationRequest, harness answers Rejected', async () => {
      csms.answerBoot(await booting, 'Rejected', interval);
      return Date.now();
    });
    await step('3-4. station sends BootNotificationRequest again after the interval, harness accepts it', async () => {
      const boot = await csms.expect('BootNotification', { acrossReconnect: true, nothingElse: true, timeoutMs: interval * 1000 + config.timeouts.connectMs, where: (c) => c.receivedAt.getTime() >= rejectedAt, description: 'a new BootNotification (and nothing else)' });
      const waited = boot.receivedAt.getTime() - rejectedAt;
      check.that('delay before the next BootNotificationRequest', waited >= interval * 1000 - CLOCK_SLACK_MS, `at least ${interval * 1000} ms`, `${waited} ms`);
      csms.answerBoot(boot, 'Accepted');
    });
    await allConnectorsReported(ctx, '5-6. station reports every connector as Available');
  },
});
