/** TC_I_07_CS: during a transaction the station shows the driver the running cost the CSMS returns in TransactionEventResponse.totalCost. */
import { defineTestCase } from '../../../src/engine/testcase';
import { COST_UPDATES_CONFIGURATION, DISPLAY_READING, chargingWithTariff, costShown, runningCostRounds, withSession } from '../states';

export default defineTestCase({
  id: 'TC_I_07_CS',
  name: 'Show EV Driver running total cost during charging - transactionEventResponse',
  sut: 'CS',
  useCases: ['I02'],
  requirements: ['I02.FR.02', 'I02.FR.04'],
  detects: ['tariff.runningCostNotShown'],
  configuration: COST_UPDATES_CONFIGURATION,
  notes:
    'Part 6 steps 8-9 have the roles swapped (the OCTT cannot send a TransactionEventRequest): they are read as the harness answering ' +
    'the TransactionEventRequest of step 6 with totalCost <Configured Cost2> for the transaction, which is what the case name and I02.FR.04 ' +
    'describe; steps 6-9 therefore are one exchange here, run twice. The periodic updates come from SampledDataCtrlr.TxUpdatedInterval, set ' +
    'to <Configured sampledDataTxUpdatedInterval> in the Before configuration. <Configured Cost> is the tariff text the harness gives; each ' +
    'running cost is an amount the harness makes up. ' +
    DISPLAY_READING,
  async run(ctx) {
    await withSession(ctx, async (session) => {
      await chargingWithTariff(session);
      const last = await runningCostRounds(session, true);
      await costShown(session, `Display: the station shows the running cost of the last TransactionEventResponse (${last})`, last, false);
    });
  },
});
