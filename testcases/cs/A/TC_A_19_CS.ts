/** TC_A_19_CS: the station moves to the next security profile through SetNetworkProfile, NetworkConfigurationPriority and a reset, and drops the lower profile. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { SecurityProfile } from '../../../src/transport/security';
import { bootAccepted, configurationSlots, endpointsOf, installCsmsRoot, renewChargingStationCertificate, reportsAfterStart, withSecurityProfile, setNetworkPriority, setNetworkProfile } from '../states';

export default defineTestCase({
  id: 'TC_A_19_CS',
  name: 'Upgrade Charging Station Security Profile - Accepted',
  sut: 'CS',
  useCases: ['A05'],
  requirements: ['A05.FR.04', 'A05.FR.05', 'A05.FR.06'],
  detects: ['security.keepsLowerProfiles', 'reset.rejected'],
  notes:
    'Follows errata 2024-09, 2025-04 and 2025-06: the slot set is the one not active (ActiveNetworkProfile), the priority puts it first, and the ' +
    'Reset is always sent. The harness serves the higher profile on an endpoint of its own from step 1. Booted (step 10) is the boot that ' +
    'follows the reset of step 5, not another reset. For an upgrade from 1 to 2 (steps 15-18) the harness drops the connection and, instead ' +
    'of waiting <Configured long operation timeout>, takes the next connection attempt: it must not be made with security profile 1.',
  async run(ctx) {
    const { step, csms, check, config } = ctx;
    await withSecurityProfile(ctx, [1, 2], async (from) => {
      const to = (from + 1) as SecurityProfile;
      const endpoints = endpointsOf(ctx);
      if (from === 1) await installCsmsRoot(ctx, 'Before: Memory State CertificateInstalled (CSMSRootCertificate)');
      else await step('Before: Memory State RenewChargingStationCertificate', () => renewChargingStationCertificate(ctx));
      const { active, other } = await configurationSlots(ctx);
      await setNetworkProfile(ctx, `1-2. harness sends SetNetworkProfileRequest (slot ${other}, security profile ${to}), station answers`, other, to, ['Accepted']);
      await setNetworkPriority(ctx, `3-4. harness sends SetVariablesRequest NetworkConfigurationPriority "${other},${active}", station answers`, `${other},${active}`, ['Accepted', 'RebootRequired']);
      const watch = endpoints.watch();
      try {
        await step('5-6. harness sends ResetRequest (OnIdle), station answers', async () => {
          const reset = await csms.call('Reset', { type: 'OnIdle' });
          check.equal('ResetResponse.status', reset.status, 'Accepted');
        });
        await step(`7-9. station connects again with security profile ${to}, harness accepts`, async () => {
          const attempt = await watch.nextAttempt(config.timeouts.connectMs, (a) => !a.refusal);
          check.equal('security profile of the new connection', attempt?.profile, to);
          endpoints.profile = to;
        });
        await bootAccepted(ctx, '10. Reusable State Booted: station sends BootNotificationRequest, harness accepts it');
        await reportsAfterStart(ctx, '10. Reusable State Booted: station reports its connectors and its restart', ['StartupOfTheDevice', 'ResetOrReboot']);
        await step('11-12. harness reads SecurityCtrlr.SecurityProfile', async () => {
          const read = await csms.call('GetVariables', { getVariableData: [{ component: { name: 'SecurityCtrlr' }, variable: { name: 'SecurityProfile' } }] });
          check.equal('GetVariablesResponse getVariableResult[0].attributeValue', read.getVariableResult[0].attributeValue, String(to));
        });
        await step('13-14. harness reads OCPPCommCtrlr.NetworkConfigurationPriority', async () => {
          const read = await csms.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' } }] });
          const slots = (read.getVariableResult[0].attributeValue ?? '').split(',').map((slot) => slot.trim());
          check.that('GetVariablesResponse getVariableResult[0].attributeValue', !slots.includes(String(active)), `does not contain slot ${active} (security profile ${from})`, read.getVariableResult[0].attributeValue ?? '(none)');
        });
        if (from === 1) {
          await step('15-18. harness drops the connection; station does not come back with security profile 1', async () => {
            await csms.connection?.close(1000, 'TC_A_19_CS: no way back to profile 1');
            const attempt = await watch.nextAttempt(config.timeouts.connectMs);
            check.equal('security profile of the next connection attempt', attempt?.profile, to);
            await csms.ensureAccepted();
          });
        }
      } finally {
        watch.stop();
      }
    });
  },
});
