/** TC_K_16_CS: a TxProfile naming a transaction the station does not know is refused, while another transaction runs. */
import { defineTestCase } from '../../../src/engine/testcase';
import { buildProfile, energyTransferStarted, setChargingProfile, smartChargingRequired, withSession } from '../states';

export default defineTestCase({
  id: 'TC_K_16_CS',
  name: 'Set Charging Profile - Unknown transactionId',
  sut: 'CS',
  useCases: ['K01'],
  requirements: ['K01.FR.33'],
  detects: ['smartCharging.txProfileWithoutTransaction'],
  applicable: smartChargingRequired,
  notes: 'The TxProfile names UNKNOWN-TRANSACTION-ID on <Configured evseId>, where a transaction of another id runs.',
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await ctx.step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      const profile = buildProfile(ctx.config, { purpose: 'TxProfile', transactionId: 'UNKNOWN-TRANSACTION-ID' });
      await setChargingProfile(ctx, '1-2. harness sends a TxProfile for an unknown transaction, station refuses it', ctx.config.configured.evseId, profile, 'Rejected');
    });
  },
});
