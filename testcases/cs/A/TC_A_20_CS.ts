/** TC_A_20_CS: without a CSMS root certificate the station refuses a NetworkConfigurationPriority that needs a TLS profile. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configurationSlots, installCsmsRoot, onlyActiveSlot, withSecurityProfile, setNetworkPriority, setNetworkProfile } from '../states';

export default defineTestCase({
  id: 'TC_A_20_CS',
  name: 'Upgrade Charging Station Security Profile - No valid CSMSRootCertificate installed',
  sut: 'CS',
  useCases: ['A05'],
  requirements: ['A05.FR.02'],
  detects: ['security.upgradeWithoutCertificates'],
  notes:
    'Errata 2025-02 and 2025-04: the station is connected with security profile 1, NetworkConfigurationPriority first holds only the active ' +
    'slot, and SetNetworkProfileRequest may be Accepted or Rejected. <Configured securityProfile2> is 2. The CSMS root is removed by a driver ' +
    'action (other means than OCPP) and installed again with InstallCertificateRequest afterwards.',
  async run(ctx) {
    const { step } = ctx;
    await withSecurityProfile(ctx, [1], async () => {
      await step('Prerequisite: the station holds no CSMSRootCertificate', () => ctx.perform({ kind: 'removeCertificate', certificateType: 'CSMSRootCertificate' }));
      const restorePriority = await onlyActiveSlot(ctx);
      try {
        const { active, other } = await configurationSlots(ctx);
        await setNetworkProfile(ctx, `1-2. harness sends SetNetworkProfileRequest (slot ${other}, security profile 2), station answers`, other, 2, ['Accepted', 'Rejected']);
        await setNetworkPriority(ctx, `3-4. harness sends SetVariablesRequest NetworkConfigurationPriority "${other},${active}", station answers`, `${other},${active}`, ['Rejected']);
      } finally {
        await restorePriority();
        await installCsmsRoot(ctx, 'Afterwards: install the CSMS root certificate again');
      }
    });
  },
});
