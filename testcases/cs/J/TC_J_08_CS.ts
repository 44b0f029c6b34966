/** TC_J_08_CS: a transaction started before the EVSE is known carries the Transaction.Begin readings in the first event that names the EVSE. */
import { defineTestCase } from '../../../src/engine/testcase';
import { beginReadingsChecked, energyTransferStarted, eventLocationsChecked, measurandSetting, txStartPoint, withSession } from '../states';

export default defineTestCase({
  id: 'TC_J_08_CS',
  name: 'Sampled Meter Values - Context Transaction.Begin - EVSE not known',
  sut: 'CS',
  useCases: ['J02', 'E01', 'E02', 'E03', 'E09', 'E04', 'E05'],
  requirements: ['J02.FR.01', 'J02.FR.02', 'J02.FR.03', 'J02.FR.04', 'J02.FR.10', 'E01.FR.16', 'E01.FR.17', 'E03.FR.11', 'E04.FR.11', 'E05.FR.08'],
  detects: ['meterValues.noTxBegin'],
  configuration: [txStartPoint('Authorized')],
  notes:
    'TxStartPoint is set to Authorized. EnergyTransferStarted runs Authorized first, then connects the EV. Part 6 checks the first event ' +
    'naming the EVSE sent while the EV is connected; the harness checks the first event of the transaction that names the EVSE, which is ' +
    'that one unless the station knew the EVSE already when the transaction started (a remote start for an EVSE, a reader per EVSE): ' +
    'then the Transaction.Begin readings belong in the Started event, which names it.',
  async run(ctx) {
    const { step } = ctx;
    await withSession(ctx, async (session) => {
      const measurands = await measurandSetting(ctx, 'SampledDataCtrlr', 'TxStartedMeasurands');
      await step('1. energy starts to flow (EnergyTransferStarted)', () => energyTransferStarted(session));
      const first = session.monitor.current?.events.find((e) => e.evse !== undefined);
      await beginReadingsChecked(ctx, 'Post: the first event naming the EVSE carries the Transaction.Begin readings', 'first TransactionEventRequest with evse', first, measurands);
      await eventLocationsChecked(session);
    });
  },
});
