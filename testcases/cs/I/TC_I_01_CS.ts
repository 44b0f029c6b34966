/** TC_I_01_CS: during a transaction the station answers the CSMS's CostUpdatedRequest and shows the driver the running cost it carries. */
import { defineTestCase } from '../../../src/engine/testcase';
import { COST_UPDATES_CONFIGURATION, DISPLAY_READING, chargingWithTariff, costShown, generatedCost, runningCostRounds, withSession } from '../states';

export default defineTestCase({
  id: 'TC_I_01_CS',
  name: 'Show EV Driver running total cost during charging - costUpdatedRequest',
  sut: 'CS',
  useCases: ['I02'],
  requirements: ['I02.FR.02', 'I02.FR.03'],
  detects: ['tariff.costUpdatedRefused', 'tariff.costUpdatedNotShown'],
  configuration: COST_UPDATES_CONFIGURATION,
  notes:
    'Steps 6-9 run twice. The TransactionEventRequests of step 6 are the periodic updates of the transaction, so the Before configuration ' +
    'sets SampledDataCtrlr.TxUpdatedInterval to <Configured sampledDataTxUpdatedInterval>. <Configured Cost> is the tariff text the harness ' +
    'gives (personalMessage, updatedPersonalMessage); each <Configured Cost2> is an amount the harness makes up, and transactionId is the ' +
    'one the station reported. ' +
    DISPLAY_READING,
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await chargingWithTariff(session);
      const last = await runningCostRounds(session, false, (round) => {
        const totalCost = generatedCost();
        return ctx.step(`8-9 (round ${round}). harness sends CostUpdatedRequest with totalCost ${totalCost}; station answers`, async () => {
          await ctx.csms.call('CostUpdated', { totalCost, transactionId: session.transactionId ?? '' });
          return totalCost;
        });
      });
      await costShown(session, `Display: the station shows the running cost of the last CostUpdatedRequest (${last})`, last, false);
    });
  },
});
