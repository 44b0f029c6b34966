/** TC_I_01_CSMS: during a transaction the CSMS gives the running cost, in CostUpdatedRequest after each answer that does not carry it. */
import { defineTestCase } from '../../../src/engine/testcase';
import { accepted, authorizeStep, energyTransferStarted, evConnectedPreSession, leaveIdle, newTransaction, periodicUpdatesWithCost, sendAuthorized } from '../states';

export default defineTestCase({
  id: 'TC_I_01_CSMS',
  name: 'Show EV Driver running total cost during charging - costUpdatedRequest',
  sut: 'CSMS',
  useCases: ['I02'],
  requirements: ['I02.FR.01'],
  detects: ['tariff.noRunningCost', 'tariff.costUpdatedWrongTransaction'],
  notes:
    'Step 3 is the first event of the transaction, so it goes out as Started (a transaction begins with a Started event); Part 6 ' +
    'says Updated, which would name a transaction the CSMS never saw begin. Steps 7-8 follow the errata 2024-09 (the CSMS answers the ' +
    'periodic update). After each periodic update whose answer has no totalCost the CSMS must send a CostUpdatedRequest for the ' +
    'transaction within the message timeout (I02.FR.01 asks for one of the two); an answer with totalCost needs none. The CSMS must hold ' +
    'a tariff for the valid idToken.',
  async run(ctx) {
    const tx = newTransaction(ctx.config);
    await authorizeStep(ctx, '1-2. harness sends AuthorizeRequest for the valid idToken', tx.idToken, accepted());
    await sendAuthorized(ctx, '3-4. harness sends TransactionEventRequest (Authorized) with the idToken', tx, tx.idToken, accepted());
    await ctx.step('5. Reusable State EVConnectedPreSession', () => evConnectedPreSession(ctx, tx));
    await ctx.step('6. Reusable State EnergyTransferStarted', () => energyTransferStarted(ctx, tx));
    await periodicUpdatesWithCost(ctx, tx);
    await leaveIdle(ctx, tx);
  },
});
