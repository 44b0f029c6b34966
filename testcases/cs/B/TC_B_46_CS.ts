/** TC_B_46_CS: when the endpoint of the first NetworkConfigurationPriority entry does not accept it, the station tries NetworkProfileConnectionAttempts times and falls back to the next entry. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { UpgradeAttempt } from '../../../src/transport/endpoints';
import { bootAccepted, checkEndpoint, connectorsAndSecurityEvent, refuseAll, setting, withMigration } from '../states';

/** OCPPCommCtrlr.NetworkProfileConnectionAttempts of the Before configuration. */
const ATTEMPTS = 2;

export default defineTestCase({
  id: 'TC_B_46_CS',
  name: 'Migrate to new ConnectionProfile - Fallback mechanism - Same CSMS Root',
  sut: 'CS',
  useCases: ['B10'],
  requirements: ['B10.FR.03', 'B10.FR.04'],
  detects: ['networkProfile.noFallback', 'networkProfile.ignoresPriority'],
  configuration: [setting('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', String(ATTEMPTS))],
  notes:
    'Steps 1-6 as in TC_B_45_CS (errata 2025-04 and 2025-06). The harness does not leave the attempts to the new endpoint unanswered: it ' +
    'turns every upgrade there down with HTTP 503, so no wait on a TCP timeout is needed. Step 7 is read as B10.FR.03: the station ' +
    `makes exactly NetworkProfileConnectionAttempts (${ATTEMPTS}) attempts there before its first attempt on the endpoint of the slot ` +
    'that was active, which the harness accepts (step 8, errata 2025-04 note of step 9). All of it must happen within the connect ' +
    'timeout for each of the attempts (the <Configured Long Operation Time Out> of Part 6).',
  async run(ctx) {
    const { step, config } = ctx;
    await withMigration(ctx, {}, async ({ from, to, watch }) => {
      const allowRefused = refuseAll(to);
      try {
        await step(`7-8. station tries the new endpoint ${ATTEMPTS} times, the harness turns it down, then the station connects to the previous endpoint`, async () => {
          const timeoutMs = config.timeouts.connectMs * (ATTEMPTS + 1);
          const accepted = await watch.nextAttempt(timeoutMs, (attempt) => !attempt.refusal);
          const attempts = watch.seen.flatMap((event) => (event.kind === 'attempt' ? [event.attempt] : []));
          const before = attempts.slice(0, accepted ? attempts.indexOf(accepted) : attempts.length);
          const onNew = before.filter((attempt: UpgradeAttempt) => attempt.url === to.baseUrl).length;
          ctx.check.equal('attempts to the endpoint of the first priority entry before the fallback', onNew, ATTEMPTS);
          checkEndpoint(ctx, 'endpoint of the accepted connection', accepted, from, 'the endpoint of the previously active slot');
        });
      } finally {
        allowRefused();
      }
      await bootAccepted(ctx, '9. Reusable State Booted: station sends BootNotificationRequest, harness accepts it');
      await connectorsAndSecurityEvent(ctx, undefined, '9. Reusable State Booted: station reports its connectors and sends SecurityEventNotificationRequest');
    });
  },
});
