/** TC_E_22_CS: with TxStopPoint EnergyTransfer, an EV that suspends the energy transfer ends the transaction. */
import { defineTestCase } from '../../../src/engine/testcase';
import { energyTransferStarted, txStopPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_22_CS',
  name: 'Stop transaction options - EnergyTransfer stopped - SuspendedEV',
  sut: 'CS',
  useCases: ['E06'],
  requirements: ['E06.FR.07', 'E06.FR.15'],
  detects: ['txStopPoint.ignored'],
  configuration: [txStopPoint('EnergyTransfer')],
  notes:
    'TxStopPoint is set to EnergyTransfer alone. Errata 2025-09 6.2.50: the suspension ends the transaction. Validations as Part 6 lists them: ' +
    'triggerReason ChargingStateChanged; either chargingState EVConnected with eventType Ended, or chargingState SuspendedEV with stoppedReason ' +
    'StoppedByEV and eventType Updated.',
  async run(ctx) {
    const { step, check } = ctx;
    await withSession(ctx, async (session) => {
      const { evse } = session;
      await step('Before: reach state EnergyTransferStarted', () => energyTransferStarted(session));
      await session.act('Manual action: the EV suspends the energy transfer', { kind: 'evSuspend', evseId: evse.evseId });
      session.evHeld = true;
      await step('1-2. station reports the end of the energy transfer', async () => {
        const event = await session.monitor.nextEvent('a TransactionEventRequest for the suspended energy transfer');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingStateChanged');
        const state = event.transactionInfo.chargingState;
        check.oneOf('TransactionEventRequest.transactionInfo.chargingState', state, ['EVConnected', 'SuspendedEV']);
        if (state === 'SuspendedEV') check.equal('TransactionEventRequest.transactionInfo.stoppedReason', event.transactionInfo.stoppedReason, 'StoppedByEV');
        check.equal('TransactionEventRequest.eventType', event.eventType, state === 'SuspendedEV' ? 'Updated' : 'Ended');
      });
      Object.assign(session, { energyStarted: false, authorized: session.transactionOpen });
    });
  },
});
