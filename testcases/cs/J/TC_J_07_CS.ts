/** TC_J_07_CS: a transaction started when the EV connects carries the Transaction.Begin readings in its Started event. */
import { defineTestCase } from '../../../src/engine/testcase';
import { beginReadingsChecked, energyTransferStarted, evConnectedPreSession, eventLocationsChecked, measurandSetting, parkingBayOccupied, txStartPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_J_07_CS',
  name: 'Sampled Meter Values - EventType Started - EVSE known',
  sut: 'CS',
  useCases: ['J02', 'E01', 'E02', 'E03', 'E09', 'E04', 'E05'],
  requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'E01.FR.09', 'E02.FR.09', 'E03.FR.07', 'E04.FR.05', 'E05.FR.05'],
  detects: ['meterValues.noTxBegin'],
  configuration: [txStartPoint('EVConnected')],
  notes: 'TxStartPoint is set to EVConnected. The measurands are read from SampledDataCtrlr.TxStartedMeasurands.',
  async run(ctx) {
    const { step } = ctx;
    await withSession(ctx, async (session) => {
      const measurands = await measurandSetting(ctx, 'SampledDataCtrlr', 'TxStartedMeasurands');
      await step('Before: reach state ParkingBayOccupied', () => parkingBayOccupied(session));
      await step('1. connect the EV (EVConnectedPreSession)', () => evConnectedPreSession(session));
      await step('2. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
      const started = session.monitor.current?.events.find((e) => e.eventType === 'Started');
      await beginReadingsChecked(ctx, 'Post: the Started event carries the Transaction.Begin readings', 'Started TransactionEventRequest', started, measurands);
      await eventLocationsChecked(session);
    });
  },
});
