/** TC_B_57_CS: after a lost connection the station waits RetryBackOffWaitMinimum before reconnecting, and doubles the wait after a failed attempt. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { RunConfig } from '../../../src/engine/config';
import { attemptLog, firstMessage, RETRY_TOLERANCE_MS, setting } from '../states';

export default defineTestCase({
  id: 'TC_B_57_CS',
  name: 'Network Reconnection - After connection loss',
  sut: 'CS',
  useCases: [],
  requirements: [],
  detects: ['reconnect.noBackOff', 'reconnect.noDoubling'],
  configuration: [
    setting('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', '3'),
    setting('OCPPCommCtrlr', 'RetryBackOffRepeatTimes', '2'),
    setting('OCPPCommCtrlr', 'RetryBackOffRandomRange', '0'),
    setting('OCPPCommCtrlr', 'RetryBackOffWaitMinimum', (c: RunConfig) => String(c.configured.retryBackOffWaitMinimum)),
  ],
  notes:
    'Errata 2025-02 §6.2.20 adds NetworkProfileConnectionAttempts 3 to the Before configuration (spelled "OCPPCommCtrletworkProfileConnectionAttempts" there; ' +
    'read as OCPPCommCtrlr.NetworkProfileConnectionAttempts). A reconnection time is measured at the harness: from the moment it starts closing ' +
    'the connection to the station\'s next upgrade request (steps 2 and 5), and from the refused attempt to the next one (step 7). Step 2 must ' +
    'be at least <Configured RetryBackOffWaitMinimum_duration>; step 7 at least twice the time of step 5, less RETRY_TOLERANCE_MS (1 s): the ' +
    'back-off is set in whole seconds, and the time of step 5 also holds the closing handshake and connection set-up, which the back-off of ' +
    'step 7 does not repeat. On an accepted connection the harness answers the first message (a BootNotification is accepted).',
  async run(ctx) {
    const { csms, check, config } = ctx;
    const minimumS = config.configured.retryBackOffWaitMinimum;
    const log = attemptLog(ctx);
    const waitMs = (backOffS: number) => backOffS * 1000 + config.timeouts.connectMs;
    const refusal = { status: 503, reason: 'TC_B_57_CS: the harness refuses this reconnection attempt' };
    try {
      const closeAt = async (title: string): Promise<number> =>
        ctx.step(title, async () => {
          const at = Date.now();
          await csms.connection?.close(1001, 'TC_B_57_CS: connection loss');
          return at;
        });
      const firstClose = await closeAt('1. harness closes the WebSocket');
      await ctx.step('2-3. station reconnects, harness accepts', async () => {
        const attempt = await log.after(0, waitMs(minimumS), 'a reconnection attempt');
        check.that('reconnection time after the connection loss', attempt.at - firstClose >= minimumS * 1000, `at least ${minimumS} s (RetryBackOffWaitMinimum)`, `${((attempt.at - firstClose) / 1000).toFixed(2)} s`);
        if (!csms.connection) await csms.nextConnection();
        await firstMessage(ctx);
      });
      const seen = log.attempts.length;
      csms.server.refuseNext(refusal);
      const secondClose = await closeAt('4. harness closes the WebSocket again');
      const refused = await ctx.step('5-6. station reconnects, harness refuses the attempt', async () => {
        const attempt = await log.after(seen, waitMs(minimumS), 'a reconnection attempt');
        check.equal('the attempt was refused by the harness', attempt.refused, true);
        return { attempt, timeMs: attempt.at - secondClose };
      });
      await ctx.step('7-8. station reconnects after a doubled back-off, harness accepts', async () => {
        const attempt = await log.after(seen + 1, waitMs(minimumS * 2), 'a further reconnection attempt');
        const timeMs = attempt.at - refused.attempt.at;
        check.that(
          'reconnection time after the refused attempt',
          timeMs >= 2 * refused.timeMs - RETRY_TOLERANCE_MS,
          `at least 2 × ${(refused.timeMs / 1000).toFixed(2)} s (step 5) - ${RETRY_TOLERANCE_MS / 1000} s`,
          `${(timeMs / 1000).toFixed(2)} s`,
        );
        if (!csms.connection) await csms.nextConnection();
        await firstMessage(ctx);
      });
    } finally {
      csms.server.withdrawRefusal(refusal);
      log.stop();
    }
  },
});
