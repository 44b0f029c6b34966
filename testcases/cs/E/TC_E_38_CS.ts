/** TC_E_38_CS: an EV that is not ready for energy is reported with chargingState SuspendedEV. */
import { defineTestCase } from '../../../src/engine/testcase';
import { notApplicable } from '../../../src/engine/verdict';
import { authorized, evConnectedPreSession, withSession } from '../states';

export default defineTestCase({
  id: 'TC_E_38_CS',
  name: 'Local start transaction - EV not ready',
  sut: 'CS',
  useCases: ['E03'],
  requirements: [],
  detects: ['ev.suspendNotReported'],
  notes: 'Part 6 lists no requirements. The prerequisite (TxStartPoint not EnergyTransfer) is checked from the station settings: with EnergyTransfer the case is notApplicable.',
  async run(ctx) {
    const { step, check } = ctx;
    await withSession(ctx, async (session) => {
      const { startPoints } = await session.settings();
      if (startPoints.has('EnergyTransfer')) throw notApplicable('TxStartPoint contains EnergyTransfer');
      await step('Before: reach state Authorized', () => authorized(session));
      await session.act('Manual action: make the EV refuse energy for now (not ready)', { kind: 'evNotReady', evseId: session.evse.evseId });
      session.evHeld = true;
      await step('1. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await step('2-3. station reports the EV not ready', async () => {
        const event = await session.monitor.nextEvent('a TransactionEventRequest for the EV that is not ready');
        check.equal('TransactionEventRequest.triggerReason', event.triggerReason, 'ChargingStateChanged');
        check.equal('TransactionEventRequest.transactionInfo.chargingState', event.transactionInfo.chargingState, 'SuspendedEV');
      });
    });
  },
});
