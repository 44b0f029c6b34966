/** TC_E_11_CSMS: the CSMS accepts a transaction that starts when the signed start reading is available (SignedDataReceived). */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorizePlugInAndStart, energyReading, leaveIdle, newTransaction, reportCharging } from '../states';

export default defineTestCase({
  id: 'TC_E_11_CSMS',
  name: 'Start transaction options - DataSigned',
  sut: 'CSMS',
  useCases: ['E01'],
  requirements: ['E01.FR.04'],
  detects: ['transaction.noIdTokenInfo', 'meterValues.rejectsSigned', 'transaction.meterValuesUnanswered'],
  notes: 'The signedMeterValue is made by the harness: the reading and its timestamp as JSON, signed with ECDSA P-256 (the CSMS is not asked to verify it).',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await authorizePlugInAndStart(ctx, tx, '5-6. harness starts the transaction once the signed start reading is there (SignedDataReceived, Transaction.Begin)', {
      triggerReason: 'SignedDataReceived',
      meterValue: [energyReading(0, new Date(), 'Transaction.Begin', true)],
    });
    await reportCharging(ctx, '7-8. harness reports that energy flows (ChargingStateChanged, Charging)', tx);
    await leaveIdle(ctx, tx);
  },
});
