/** TC_I_02_CSMS: the CSMS answers the Ended event of a metered transaction with its total cost. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, endedWithTotalCost, energyReading, energyTransferStarted, evConnectedPostSession, evConnectedPreSession, newTransaction, reportConnector, stopAuthorized } from '../states';

/** The register readings of errata 2025-02: 1000 Wh at the start, 6000 Wh at the end. */
const BEGIN_WH = 1000;
const END_WH = 6000;

export default defineTestCase({
  id: 'TC_I_02_CSMS',
  name: 'Show EV Driver Final Total Cost After Charging',
  sut: 'CSMS',
  useCases: ['I03'],
  requirements: ['I03.FR.02'],
  detects: ['tariff.noTotalCost'],
  notes:
    'Follows errata 2025-02: the whole transaction is played (EVConnectedPreSession with a Transaction.Begin reading of 1000 Wh, ' +
    'Authorized, EnergyTransferStarted, StopAuthorized, EVConnectedPostSession), and the Ended event carries a Transaction.End reading ' +
    'of 6000 Wh, so a CSMS with a tariff based on energy (its memory state) knows the total cost. The CSMS must hold such a tariff for ' +
    'the valid idToken.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await ctx.step('1. Reusable State EVConnectedPreSession (with a Transaction.Begin reading of 1000 Wh)', () => evConnectedPreSession(ctx, tx, { meterValue: [energyReading(BEGIN_WH, new Date(), 'Transaction.Begin')] }));
    await ctx.step('2. Reusable State Authorized', () => authorized(ctx, tx));
    await ctx.step('3. Reusable State EnergyTransferStarted', () => energyTransferStarted(ctx, tx));
    await ctx.step('4. Reusable State StopAuthorized', () => stopAuthorized(ctx, tx));
    await ctx.step('5. Reusable State EVConnectedPostSession', () => evConnectedPostSession(ctx, tx));
    await reportConnector(ctx, '6-7. harness reports the connector Available (StatusNotificationRequest, NotifyEventRequest)', tx.evse, 'Available');
    await endedWithTotalCost(ctx, '8. harness sends TransactionEventRequest (EVCommunicationLost, Ended, Idle, EVDisconnected) with a Transaction.End reading of 6000 Wh', tx, END_WH);
  },
});
