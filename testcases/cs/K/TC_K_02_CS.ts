/** TC_K_02_CS: a TxProfile for an EVSE without a transaction is refused. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, setChargingProfile, smartChargingRequired } from '../states';

export default defineTestCase({
  id: 'TC_K_02_CS',
  name: 'Set Charging Profile - TxProfile without ongoing transaction on the specified EVSE',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.04', 'K01.FR.07', 'K01.FR.09'],
  detects: ['smartCharging.txProfileWithoutTransaction'],
  applicable: smartChargingRequired,
  notes: 'The TxProfile names transactionId UNKNOWN-TRANSACTION-ID while no transaction runs on <Configured evseId>; otherwise as TC_K_01_CS (Absolute, one period of 6 times the limit multiplier).',
  async run(ctx) {
    const profile = buildProfile(ctx.config, { purpose: 'TxProfile', transactionId: 'UNKNOWN-TRANSACTION-ID' });
    await setChargingProfile(ctx, '1-2. harness sends a TxProfile for an EVSE without a transaction, station refuses it', ctx.config.configured.evseId, profile, 'Rejected');
  },
});
