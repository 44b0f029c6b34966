/** TC_K_60_CSMS: while a transaction charges, the CSMS sets a TxProfile for it on its EVSE, naming the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkPart2Profile, checkProfile, configuredProfile, energyTransferStarted, leaveIdle, newTransaction, profileSet } from '../states';

export default defineTestCase({
  id: 'TC_K_60_CSMS',
  name: 'Set Charging Profile - TxProfile with ongoing transaction on the specified EVSE',
  sut: 'CSMS',
  useCases: ['K01'],
  requirements: ['K01.FR.03', 'K01.FR.31'],
  detects: ['smartCharging.noTransactionId', 'smartCharging.wrongPurpose', 'smartCharging.evseZero'],
  notes:
    'Reusable State EnergyTransferStarted first. Follows errata 2025-04 (6.3.13): kind Relative or Absolute, with startSchedule ' +
    'only for Absolute. The operator is asked for a Relative TxProfile of 6 A for the transaction the harness opened.',
  async run(ctx) {
    const { configured } = ctx.config;
    const tx = newTransaction(ctx.config);
    await energyTransferStarted(ctx, tx);
    const profile = configuredProfile(ctx, { purpose: 'TxProfile', kind: 'Relative', amps: 6, duration: undefined, transactionId: tx.transactionId });
    const { call } = await profileSet(ctx, '1-2. the CSMS, asked to limit the ongoing transaction with a TxProfile, sends SetChargingProfileRequest; harness accepts', configured.evseId, profile);
    await ctx.step('Step 1: SetChargingProfileRequest as Part 6 lists it', () => {
      const { evseId, chargingProfile } = call.payload;
      checkProfile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile, { purpose: 'TxProfile', evseId: configured.evseId, transactionId: tx.transactionId, kinds: ['Relative', 'Absolute'] });
      checkPart2Profile(ctx, 'SetChargingProfileRequest', evseId, chargingProfile, { setForTransaction: true });
    });
    await leaveIdle(ctx, tx);
  },
});
