/** TC_A_11_CS: on request the station renews its Charging Station certificate and, with security profile 3, switches to it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { renewChargingStationCertificate, withSecurityProfile } from '../states';

export default defineTestCase({
  id: 'TC_A_11_CS',
  name: 'Update Charging Station Certificate by request of CSMS - Success - Charging Station Certificate',
  sut: 'CS',
  useCases: ['A02', 'F06'],
  requirements: ['A02.FR.02', 'A02.FR.03', 'A02.FR.06', 'A02.FR.08', 'A02.FR.09', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'],
  detects: ['certificates.weakCsrKey', 'certificates.triggerRejected'],
  notes: 'The CSR is signed by the run\'s certificate authority (security.certificateAuthority). Errata 2024-09: after Accepted the station connects again with the new certificate; the harness drops the connection when it does not.',
  async run(ctx) {
    await withSecurityProfile(ctx, [3], async () => {
      await ctx.step('1. Memory State RenewChargingStationCertificate for ChargingStationCertificate', () => renewChargingStationCertificate(ctx));
    });
  },
});
