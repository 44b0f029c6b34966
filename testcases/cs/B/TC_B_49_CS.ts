/** TC_B_49_CS: when every NetworkConfigurationPriority entry failed, the station goes back to reconnecting with the profile it last connected with. */
import type { RunConfig } from '../../../src/engine/config';
import { defineTestCase } from '../../../src/engine/testcase';
import { bootAccepted, checkEndpoint, connectorsAndSecurityEvent, nextAttempt, NOT_ACCEPTED, refuseAll, setting, withMigration } from '../states';

export default defineTestCase({
  id: 'TC_B_49_CS',
  name: 'Migrate to new ConnectionProfile - Fallback after NetworkProfileConnectionAttempts per NetworkConfigurationPriority failed - Same CSMS Root',
  sut: 'CS',
  useCases: ['B10'],
  requirements: ['B10.FR.07'],
  detects: ['networkProfile.noLastSuccessfulFallback', 'networkProfile.noFallback'],
  configuration: [
    setting('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', '1'),
    setting('OCPPCommCtrlr', 'RetryBackOffRepeatTimes', '0'),
    setting('OCPPCommCtrlr', 'RetryBackOffRandomRange', '0'),
    setting('OCPPCommCtrlr', 'RetryBackOffWaitMinimum', (c: RunConfig) => String(c.configured.retryBackOffWaitMinimum)),
  ],
  notes:
    'Steps 1-6 as in TC_B_45_CS (errata 2025-04). The harness turns down every attempt on the new endpoint (HTTP 503) for the whole ' +
    'case and the first attempt on the previous endpoint (step 10). The attempts are judged in order: step 7 must come to the new ' +
    'endpoint, step 9 (after its single allowed attempt) to the previous one, and step 11 again to the previous one, the profile of ' +
    'the last successful connection (B10.FR.07), not to the first priority entry once more. Part 6 validates no timing: the wait of ' +
    'step 11 is only bounded by the connect timeout plus <Configured RetryBackOffWaitMinimum>; <Configured Long Operation Time Out> is ' +
    'read as the connect timeout for each attempt.',
  async run(ctx) {
    const { step, config } = ctx;
    const backOffMs = config.configured.retryBackOffWaitMinimum * 1000;
    await withMigration(ctx, {}, async ({ from, to, watch }) => {
      const allowNew = refuseAll(to);
      const once = { ...NOT_ACCEPTED };
      from.refuseNext(once);
      try {
        await step('7-8. station tries the endpoint of the new profile, the harness does not accept it', async () => {
          checkEndpoint(ctx, 'endpoint of the first attempt after the reset', await nextAttempt(ctx, watch, config.timeouts.connectMs), to, 'the endpoint set at step 1');
        });
        await step('9-10. station switches back to the previous profile, the harness does not accept it', async () => {
          checkEndpoint(ctx, 'endpoint of the second attempt', await nextAttempt(ctx, watch, config.timeouts.connectMs + backOffMs), from, 'the endpoint of the previously active slot');
        });
        await step('11-12. station reconnects with the previous profile after RetryBackOffWaitMinimum, the harness accepts it', async () => {
          const attempt = await nextAttempt(ctx, watch, config.timeouts.connectMs + backOffMs);
          checkEndpoint(ctx, 'endpoint of the third attempt', attempt, from, 'the endpoint of the last successful connection');
          ctx.check.that('third attempt accepted', attempt.refusal === undefined, 'accepted by the harness', attempt.refusal ? attempt.refusal.reason : 'accepted');
        });
      } finally {
        from.withdrawRefusal(once);
        allowNew();
      }
      await bootAccepted(ctx, '13. Reusable State Booted: station sends BootNotificationRequest, harness accepts it');
      await connectorsAndSecurityEvent(ctx, undefined, '13. Reusable State Booted: station reports its connectors and sends SecurityEventNotificationRequest');
    });
  },
});
