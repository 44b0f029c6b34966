/** TC_M_15_CS: after a V2G certificate renewal the station lists its V2G certificate chain, the sub-CAs as children of the leaf. */
import { defineTestCase } from '../../../src/engine/testcase';
import { describeChain, installedCertificateIds, renewV2GChargingStationCertificate } from '../states';

export default defineTestCase({
  id: 'TC_M_15_CS',
  name: 'Retrieve certificates from Charging Station - V2GCertificateChain',
  sut: 'CS',
  useCases: ['M03'],
  requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04', 'M03.FR.05'],
  detects: ['certificates.listIgnoresType', 'certificates.v2gCsrWithoutSeccId'],
  notes: 'Errata 2025-09 (TC_M_15_CS): the Before is Memory State RenewV2GChargingStationCertificate, so the chain exists before it is read. The V2G CSR is signed by the run PKI\'s CPO sub-CA 2, so the chain holds two sub-CAs.',
  async run(ctx) {
    const { step, check } = ctx;
    await renewV2GChargingStationCertificate(ctx, 'Before: Memory State RenewV2GChargingStationCertificate');
    await step('1. Reusable State GetInstalledCertificates for V2GCertificateChain', async () => {
      const response = await installedCertificateIds(ctx, ['V2GCertificateChain']);
      check.equal('GetInstalledCertificateIdsResponse.status', response.status, 'Accepted');
      const chain = response.certificateHashDataChain ?? [];
      check.that('certificateHashDataChain holds only V2GCertificateChain entries', chain.length > 0 && chain.every((e) => e.certificateType === 'V2GCertificateChain'), 'V2GCertificateChain entries only', describeChain(chain));
      check.that('the V2GCertificateChain entry uses childCertificateHashData (M03.FR.05)', chain.some((e) => (e.childCertificateHashData?.length ?? 0) > 0), 'childCertificateHashData with the sub-CAs', chain.map((e) => `${e.childCertificateHashData?.length ?? 0} child(ren)`).join(', ') || 'no entries');
    });
  },
});
