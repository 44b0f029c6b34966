/** TC_A_21_CS: without a Charging Station certificate the station refuses a NetworkConfigurationPriority that needs security profile 3. */
import { defineTestCase } from '../../../src/engine/testcase';
import { configurationSlots, installCsmsRoot, withSecurityProfile, setNetworkPriority, setNetworkProfile } from '../states';

export default defineTestCase({
  id: 'TC_A_21_CS',
  name: 'Upgrade Charging Station Security Profile - No valid ChargingStationCertificate installed',
  sut: 'CS',
  useCases: ['A05'],
  requirements: ['A05.FR.03'],
  detects: ['security.upgradeWithoutCertificates'],
  notes:
    'Errata 2025-02: the second slot is set to security profile 3. The station certificate is removed by a driver action (other means than ' +
    'OCPP); the CSMS root the prerequisite asks for is installed with InstallCertificateRequest.',
  async run(ctx) {
    const { step } = ctx;
    await withSecurityProfile(ctx, [1, 2], async () => {
      await step('Prerequisite: the station holds no ChargingStationCertificate', () => ctx.perform({ kind: 'removeCertificate', certificateType: 'ChargingStationCertificate' }));
      await installCsmsRoot(ctx, 'Prerequisite: the station holds a valid CSMSRootCertificate');
      const { active, other } = await configurationSlots(ctx);
      await setNetworkProfile(ctx, `1-2. harness sends SetNetworkProfileRequest (slot ${other}, security profile 3), station answers`, other, 3, ['Accepted']);
      await setNetworkPriority(ctx, `3-4. harness sends SetVariablesRequest NetworkConfigurationPriority "${other},${active}", station answers`, `${other},${active}`, ['Rejected']);
    });
  },
});
