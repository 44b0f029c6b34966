/** TC_K_11_CS: a TxProfile for EVSE 0 is refused (a TxProfile is for one EVSE). */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_11_CS',
  name: 'Set Charging Profile - Unable to set TxProfile on all EVSE at once',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.04', 'K01.FR.16'],
  detects: ['smartCharging.txProfileOnStation'],
  applicable: smartChargingRequired,
  notes: 'Part 6 names no transaction; the TxProfile carries transactionId UNKNOWN-TRANSACTION-ID (a TxProfile must name one, K01.FR.03), otherwise as TC_K_01_CS.',
  async run(ctx) {
    const profile = buildProfile(ctx.config, { purpose: 'TxProfile', transactionId: 'UNKNOWN-TRANSACTION-ID' });
    await setChargingProfile(ctx, '1-2. harness sends a TxProfile for EVSE 0, station refuses it', 0, profile, 'Rejected');
  },
});
