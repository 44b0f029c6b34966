/** TC_C_49_CS: on a station without a master pass UI, presenting the master pass stops every ongoing transaction at once. */
import { defineTestCase } from '../../../src/engine/testcase';
import { relyingOnFeature } from '../../../src/engine/claims';
import { afterMasterPassStop, MASTER_PASS_GROUP, masterPassPresented, stopsReported, withChargingOn } from '../states';

export default defineTestCase({
  id: 'TC_C_49_CS',
  name: 'Stop Transaction with a Master Pass - Without UI',
  sut: 'CS',
  useCases: ['C16'],
  requirements: ['C16.FR.02'],
  detects: ['masterPass.stopsNothing', 'transaction.wrongStoppedReason'],
  configuration: [MASTER_PASS_GROUP],
  applicable: (config) => (config.configured.masterPassUi ? 'the station has a master pass UI (configured.masterPassUi is true; Part 5 C-08 is for stations without one)' : undefined),
  notes:
    'EnergyTransferStarted runs on EVSE 1 with <Configured valid_idtoken> and, when the station has more EVSEs, on EVSE 2 ' +
    'with <Configured valid_idtoken2>. Step 3 validations as errata 2025-09 6.2.32 reads them for TC_C_47_CS: the stop event ' +
    'of each transaction carries no idToken or the master pass, and the last one is Ended with stoppedReason MasterPass.',
  run: relyingOnFeature('masterPassUi', async (ctx) => {
    await withChargingOn(ctx, ctx.config.station.evses.slice(0, 2).map((e) => e.id), async (charging) => {
      await masterPassPresented(ctx, charging);
      await stopsReported(ctx, charging, '3-4. station reports the stop of the transaction on EVSE 1 (and 2)');
      await afterMasterPassStop(ctx, charging);
    });
  }),
});
