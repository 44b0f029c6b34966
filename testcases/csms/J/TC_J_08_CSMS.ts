/** TC_J_08_CSMS: the CSMS answers the Transaction.Begin reading that arrives only once the EVSE of an authorized transaction is known. */
import { defineTestCase } from '../../../src/engine/testcase';
import { authorized, energyReading, energyTransferStarted, evConnectedPreSession, leaveIdle, newTransaction } from '../states';

export default defineTestCase({
  id: 'TC_J_08_CSMS',
  name: 'Sampled Meter Values - Context Transaction.Begin - EVSE not known',
  sut: 'CSMS',
  useCases: ['J02'],
  requirements: ['J02.FR.19'],
  detects: ['transaction.meterValuesUnanswered', 'transaction.noIdTokenInfo'],
  notes:
    'Part 6 has no tool validations for the main steps: the CSMS passes by answering every request with a schema-valid ' +
    'CALLRESULT (J02.FR.19); the validations of the Authorized state still apply. The transaction starts on the authorization, ' +
    'without evse; the EVSE and the Transaction.Begin reading come with the cable-plugged event.',
  async run(ctx) {
    const { step } = ctx;
    const tx = newTransaction(ctx.config);
    await step('1. the driver authorizes before the EVSE is known', () => authorized(ctx, tx));
    await step('2. the EV is plugged in; that event carries the Transaction.Begin reading', () =>
      evConnectedPreSession(ctx, tx, { meterValue: [energyReading(0, new Date(), 'Transaction.Begin')] }),
    );
    await step('3. the energy transfer starts', () => energyTransferStarted(ctx, tx));
    await leaveIdle(ctx, tx);
  },
});
