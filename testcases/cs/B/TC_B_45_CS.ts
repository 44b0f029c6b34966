/** TC_B_45_CS: after SetNetworkProfile, a new NetworkConfigurationPriority and a reset, the station connects to the other CSMS endpoint. */
import { defineTestCase } from '../../../src/engine/testcase';
import { bootAccepted, checkEndpoint, connectorsAndSecurityEvent, nextAttempt, withMigration } from '../states';

export default defineTestCase({
  id: 'TC_B_45_CS',
  name: 'Migrate to new ConnectionProfile - Success - Same CSMS Root',
  sut: 'CS',
  useCases: ['B09', 'B10'],
  requirements: ['B09.FR.01', 'B10.FR.01', 'B10.FR.04', 'B10.FR.06'],
  detects: ['networkProfile.ignoresPriority'],
  notes:
    'Errata 2025-04 and 2025-06: the harness serves two endpoints per security profile (same CSMS root, ports of their own); step 1 ' +
    'puts the one the station is not connected to into the slot ActiveNetworkProfile does not name, step 3 sets NetworkConfigurationPriority ' +
    'to that slot followed by the active one, and the Reset (OnIdle) is always sent. <Configured messageTimeout2>, <Configured ocppInterface2> ' +
    'and <Configured securityProfile2> are read as the configured values (same security profile as now). The first connection after the ' +
    'reset must come to the other endpoint (B10.FR.04), after the old connection was closed (B10.FR.06: the reset drops it). Afterwards the ' +
    'harness puts the previous priority back and resets the station onto its usual endpoint.',
  async run(ctx) {
    const { step, config } = ctx;
    await withMigration(ctx, {}, async ({ to, watch }) => {
      await step('7. station connects to the endpoint of the new profile', async () => {
        const attempt = await nextAttempt(ctx, watch, config.timeouts.connectMs);
        checkEndpoint(ctx, 'endpoint of the first connection attempt after the reset', attempt, to, 'the endpoint set at step 1');
      });
      await bootAccepted(ctx, '7. Reusable State Booted: station sends BootNotificationRequest, harness accepts it');
      await connectorsAndSecurityEvent(ctx, undefined, '7. Reusable State Booted: station reports its connectors and sends SecurityEventNotificationRequest');
    });
  },
});
